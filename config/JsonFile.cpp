#include "config/JsonFile.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "config/InputError.h"

namespace hw {
namespace {

// nlohmann reports a byte offset; users want the line and column of their editor.
std::string lineColumnAt(const std::string& text, std::size_t byte) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

// "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error
// while parsing value - invalid literal; last read: 'x'" -> "syntax error ... 'x'"
std::string shortParseMessage(const std::string& what) {
  const std::string marker = "syntax error";
  auto at = what.find(marker);
  if (at == std::string::npos) {
    at = what.find(": ");
    return at == std::string::npos ? what : what.substr(at + 2);
  }
  return what.substr(at);
}

}  // namespace

std::string readTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "", std::string("cannot open: ") + std::strerror(errno));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw InputError(path, "", "read failed");
  return bytes.str();
}

nlohmann::json parseJsonText(const std::string& text, const std::string& origin) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is one past the offending character.
    std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    throw InputError(origin, lineColumnAt(text, byte),
                     "malformed JSON: " + shortParseMessage(e.what()));
  }
}

nlohmann::json readJsonFile(const std::string& path) {
  return parseJsonText(readTextFile(path), path);
}

}  // namespace hw
