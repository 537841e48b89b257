#include "hwshow/LenientJson.h"

#include <cmath>

namespace hw {
namespace {

const nlohmann::json* member(const nlohmann::json& object, const std::string& key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

}  // namespace

std::string lenientString(const nlohmann::json& object, const std::string& key) {
  const nlohmann::json* v = member(object, key);
  if (!v) return "";
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer()) return v->dump();
  return "";
}

long long lenientInteger(const nlohmann::json& object, const std::string& key, long long fallback) {
  const nlohmann::json* v = member(object, key);
  if (!v || !v->is_number()) return fallback;
  if (v->is_number_integer()) return v->get<long long>();
  double d = v->get<double>();
  return std::isfinite(d) && std::abs(d) < 9e15 ? static_cast<long long>(d) : fallback;
}

const nlohmann::json& lenientArray(const nlohmann::json& object, const std::string& key) {
  static const nlohmann::json empty = nlohmann::json::array();
  const nlohmann::json* v = member(object, key);
  return v && v->is_array() ? *v : empty;
}

const nlohmann::json& lenientObject(const nlohmann::json& object, const std::string& key) {
  static const nlohmann::json empty = nlohmann::json::object();
  const nlohmann::json* v = member(object, key);
  return v && v->is_object() ? *v : empty;
}

}  // namespace hw
