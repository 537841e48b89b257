#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace hw {

// Safe reads for web JSON (SVS pages) that may hold nulls, missing fields or
// other types where a value is expected: every accessor has a fallback and
// never throws. Hand-written files use JsonObjectReader instead.

// The member's string, or "" when absent, null or not a string (numbers are
// given as text: some pages send ids as numbers, some as strings).
std::string lenientString(const nlohmann::json& object, const std::string& key);

// The member when it is an array, else an empty array.
const nlohmann::json& lenientArray(const nlohmann::json& object, const std::string& key);

// The member when it is an object, else an empty object.
const nlohmann::json& lenientObject(const nlohmann::json& object, const std::string& key);

}  // namespace hw
