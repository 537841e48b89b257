#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace hw {

// Reads and parses a JSON file; a missing file or a syntax error becomes an
// InputError naming the file and, for syntax errors, the line:column.
nlohmann::json readJsonFile(const std::string& path);

// Parses JSON text that came from `origin` (a path or URL, used in errors).
nlohmann::json parseJsonText(const std::string& text, const std::string& origin);

// Reads a whole file as bytes; throws InputError if it cannot be read.
std::string readTextFile(const std::string& path);

}  // namespace hw
