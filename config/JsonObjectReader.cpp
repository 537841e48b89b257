#include "config/JsonObjectReader.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "config/InputError.h"

namespace hw {
namespace {

std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string formatJsonNumber(double value) { return nlohmann::json(value).dump(); }

std::string jsonPointerToken(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string describeJsonType(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "an integer";
    case nlohmann::json::value_t::number_float: return "a number";
    default: return "an unsupported value";
  }
}

JsonObjectReader::JsonObjectReader(const nlohmann::json& value, std::string file,
                                   std::string pointer)
    : value_(value), file_(std::move(file)), pointer_(std::move(pointer)) {
  if (!value_.is_object()) failHere("expected an object, got " + describeJsonType(value_));
}

std::string JsonObjectReader::pointerTo(const std::string& key) const {
  return pointer_ + "/" + jsonPointerToken(key);
}

void JsonObjectReader::fail(const std::string& key, const std::string& problem) const {
  throw InputError(file_, pointerTo(key), problem);
}

void JsonObjectReader::failHere(const std::string& problem) const {
  throw InputError(file_, pointer_.empty() ? "/" : pointer_, problem);
}

bool JsonObjectReader::has(const std::string& key) const { return value_.contains(key); }

const nlohmann::json* JsonObjectReader::find(const std::string& key) {
  known_.insert(key);
  auto it = value_.find(key);
  return it == value_.end() ? nullptr : &*it;
}

const nlohmann::json& JsonObjectReader::required(const std::string& key) {
  const nlohmann::json* v = find(key);
  if (!v) fail(key, "required field is missing");
  return *v;
}

int JsonObjectReader::integer(const std::string& key, int min, int max) {
  const nlohmann::json& v = required(key);
  if (!v.is_number_integer() && !(v.is_number_float() && std::floor(v.get<double>()) == v.get<double>()))
    fail(key, "expected an integer, got " + describeJsonType(v));
  double d = v.get<double>();
  if (d < min || d > max)
    fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                  " (got " + v.dump() + ")");
  return static_cast<int>(d);
}

int JsonObjectReader::integer(const std::string& key, int fallback, int min, int max) {
  return has(key) ? integer(key, min, max) : (known_.insert(key), fallback);
}

double JsonObjectReader::number(const std::string& key, double min, double max) {
  const nlohmann::json& v = required(key);
  if (!v.is_number()) fail(key, "expected a number, got " + describeJsonType(v));
  double d = v.get<double>();
  if (!std::isfinite(d) || d < min || d > max)
    fail(key, "must be between " + formatJsonNumber(min) + " and " + formatJsonNumber(max) +
                  " (got " + v.dump() + ")");
  return d;
}

double JsonObjectReader::number(const std::string& key, double fallback, double min, double max) {
  return has(key) ? number(key, min, max) : (known_.insert(key), fallback);
}

std::string JsonObjectReader::string(const std::string& key) {
  const nlohmann::json& v = required(key);
  if (!v.is_string()) fail(key, "expected a string, got " + describeJsonType(v));
  return v.get<std::string>();
}

std::string JsonObjectReader::string(const std::string& key, const std::string& fallback) {
  return has(key) ? string(key) : (known_.insert(key), fallback);
}

bool JsonObjectReader::boolean(const std::string& key, bool fallback) {
  const nlohmann::json* v = find(key);
  if (!v) return fallback;
  if (!v->is_boolean()) fail(key, "expected true or false, got " + describeJsonType(*v));
  return v->get<bool>();
}

JsonObjectReader JsonObjectReader::object(const std::string& key) {
  return JsonObjectReader(required(key), file_, pointerTo(key));
}

std::optional<JsonObjectReader> JsonObjectReader::optionalObject(const std::string& key) {
  const nlohmann::json* v = find(key);
  if (!v) return std::nullopt;
  return JsonObjectReader(*v, file_, pointerTo(key));
}

const nlohmann::json& JsonObjectReader::array(const std::string& key) {
  static const nlohmann::json empty = nlohmann::json::array();
  const nlohmann::json* v = find(key);
  if (!v) return empty;
  if (!v->is_array()) fail(key, "expected an array, got " + describeJsonType(*v));
  return *v;
}

void JsonObjectReader::rejectUnknownKeys(const std::set<std::string>& also) const {
  for (const auto& [key, _] : value_.items()) {
    if (known_.count(key) || also.count(key)) continue;
    std::string best;
    std::size_t bestDistance = 3;  // more than two edits is not a typo
    for (const auto& candidate : known_) {
      std::size_t d = editDistance(key, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    fail(key, "unknown field \"" + key + "\"" +
                  (best.empty() ? std::string() : " (did you mean \"" + best + "\"?)"));
  }
}

}  // namespace hw
