#include "hwshow/LenientJson.h"

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
