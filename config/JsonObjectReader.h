#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

namespace hw {

// Strict, typed access to one JSON object of a hand-written file (wall configs,
// .hwshow shows). Every error is an InputError naming the file and the JSON
// pointer of the field. Keys are remembered as they are read so that
// rejectUnknownKeys() can refuse misspellings, suggesting the closest key.
class JsonObjectReader {
 public:
  // Throws if `value` is not an object.
  JsonObjectReader(const nlohmann::json& value, std::string file, std::string pointer);

  bool has(const std::string& key) const;
  // The raw value, or nullptr when absent; marks the key as known.
  const nlohmann::json* find(const std::string& key);

  int integer(const std::string& key, int min, int max);
  int integer(const std::string& key, int fallback, int min, int max);
  double number(const std::string& key, double min, double max);
  double number(const std::string& key, double fallback, double min, double max);
  std::string string(const std::string& key);
  std::string string(const std::string& key, const std::string& fallback);
  bool boolean(const std::string& key, bool fallback);
  // An object member as a reader of its own; throws if absent and not optional.
  JsonObjectReader object(const std::string& key);
  std::optional<JsonObjectReader> optionalObject(const std::string& key);
  // An array member; throws if present but not an array. Empty when absent.
  const nlohmann::json& array(const std::string& key);

  // Refuses keys that no accessor asked for; `also` lists keys accepted but unused.
  void rejectUnknownKeys(const std::set<std::string>& also = {}) const;

  std::string pointerTo(const std::string& key) const;
  [[noreturn]] void fail(const std::string& key, const std::string& problem) const;
  [[noreturn]] void failHere(const std::string& problem) const;

  const std::string& file() const { return file_; }
  const std::string& pointer() const { return pointer_; }

 private:
  const nlohmann::json& required(const std::string& key);

  const nlohmann::json& value_;
  std::string file_;
  std::string pointer_;
  std::set<std::string> known_;
};

// Escapes a key for use inside a JSON pointer (RFC 6901).
std::string jsonPointerToken(const std::string& key);

// A number as JSON writes it (1209.6, not 1209.600000), for messages.
std::string formatJsonNumber(double value);

// JSON type name for messages: "a string", "an array", ...
std::string describeJsonType(const nlohmann::json& value);

}  // namespace hw
