#include "hwshow/HtmlText.h"

#include <cctype>
#include <string_view>

#include "hwshow/HtmlEntityTable.h"

namespace hw {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

void appendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// "#8217" or "#x2019" (without & and ;) -> code point; 0 when not numeric.
char32_t numericReference(std::string_view body) {
  if (body.size() < 2 || body[0] != '#') return 0;
  bool hex = body[1] == 'x' || body[1] == 'X';
  std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return 0;
  char32_t value = 0;
  for (char c : digits) {
    int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : hex && std::isxdigit(static_cast<unsigned char>(c))
                ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                : -1;
    if (d < 0) return 0;
    value = value * (hex ? 16 : 10) + static_cast<char32_t>(d);
  }
  bool valid = value != 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
  return valid ? value : kReplacement;
}

bool isBlockTag(std::string_view name) {
  for (std::string_view block : {"p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                                 "tr", "table", "blockquote", "pre"})
    if (name == block) return true;
  return false;
}

// Drops tags; a tag is '<' followed by a letter, '/' or '!' up to the next '>'.
// A lone '<' (as in "a < b" written carelessly) stays text. The next '>' is
// looked up once per tag and remembered, so the pass stays linear however
// many '<' come before it (or when none follows).
std::string stripTags(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  std::size_t close = html.find('>');  // the first '>' at or after i once refreshed, or npos
  for (std::size_t i = 0; i < html.size(); ++i) {
    char next = i + 1 < html.size() ? html[i + 1] : '\0';
    bool opens = html[i] == '<' &&
                 (std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!');
    if (opens && close != std::string::npos && close < i) close = html.find('>', i);
    if (!opens || close == std::string::npos) {
      out += html[i];
      continue;
    }
    std::size_t nameStart = i + 1 + (next == '/' ? 1 : 0);
    std::size_t nameEnd = nameStart;
    while (nameEnd < close && std::isalnum(static_cast<unsigned char>(html[nameEnd]))) ++nameEnd;
    std::string name;
    for (std::size_t k = nameStart; k < nameEnd; ++k)
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[k])));
    if (name == "br")
      out += '\n';
    else if (isBlockTag(name))
      out += "\n\n";
    i = close;
  }
  return out;
}

// \r\n and \r -> \n; at most one blank line in a row; no blank ends.
std::string tidyLines(const std::string& text) {
  std::string out;
  int newlines = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      c = '\n';
    }
    if (c == '\n') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      if (++newlines <= 2 && !out.empty()) out += '\n';
      continue;
    }
    // Spaces alone do not end a run of blank lines.
    if (c != ' ' && c != '\t') newlines = 0;
    out += c;
  }
  while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
  std::size_t first = out.find_first_not_of(" \t");
  return first == std::string::npos ? std::string() : out.substr(first);
}

}  // namespace

std::string decodeHtmlEntities(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  // Longest known name is 8 characters; "#x10FFFF" is 8 as well. The ';' is
  // looked for only that far, so text full of '&' stays linear.
  constexpr std::size_t kLongestBody = 9;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t semicolon =
        text[i] == '&' ? std::string_view(text).substr(0, i + 2 + kLongestBody).find(';', i + 1)
                       : std::string::npos;
    if (semicolon == std::string::npos || semicolon == i + 1) {
      out += text[i];
      continue;
    }
    std::string_view body(text.data() + i + 1, semicolon - i - 1);
    char32_t c = body[0] == '#' ? numericReference(body) : htmlEntityCodePoint(body);
    if (c == 0) {
      out += text[i];
      continue;
    }
    appendUtf8(out, c);
    i = semicolon;
  }
  return out;
}

std::string htmlToText(const std::string& html) {
  return tidyLines(decodeHtmlEntities(stripTags(html)));
}

}  // namespace hw
