#include "config/JsonFile.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <type_traits>

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
  if (at != std::string::npos) return what.substr(at);
  at = what.find(": ");
  if (at != std::string::npos) return what.substr(at + 2);
  // "[json.exception.out_of_range.406] number overflow parsing '1e400'"
  at = what.find("] ");
  return at == std::string::npos ? what : what.substr(at + 2);
}

// nlohmann's own document builder, noting where the parser stopped: a number
// too large for a double (1e400) is thrown as out_of_range, which carries no
// position, where a syntax error's parse_error does.
class DocumentBuilder : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
 public:
  using json_sax_dom_parser::json_sax_dom_parser;

  // `byte` is one past the last character read: the offending one for a
  // syntax error, the end of the number for an overflow.
  template <class Exception>
  bool parse_error(std::size_t byte, const std::string& token, const Exception& error) {
    if constexpr (std::is_same_v<Exception, nlohmann::json::out_of_range>)
      offendingByte = byte >= token.size() ? byte - token.size() : 0;
    else
      offendingByte = byte > 0 ? byte - 1 : 0;
    return json_sax_dom_parser::parse_error(byte, token, error);
  }

  std::size_t offendingByte = 0;
};

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
  nlohmann::json document;
  DocumentBuilder builder(document);
  try {
    nlohmann::json::sax_parse(text, &builder);
  } catch (const nlohmann::json::exception& e) {
    throw InputError(origin, lineColumnAt(text, builder.offendingByte),
                     "malformed JSON: " + shortParseMessage(e.what()));
  }
  return document;
}

nlohmann::json readJsonFile(const std::string& path) {
  return parseJsonText(readTextFile(path), path);
}

}  // namespace hw
