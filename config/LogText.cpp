#include "config/LogText.h"

#include <cstdio>

namespace hw {
namespace {

// The length of the valid UTF-8 sequence starting at `at` and its code point,
// or 0 when the bytes there are not one (overlong, surrogate, cut short).
std::size_t utf8Sequence(std::string_view text, std::size_t at, char32_t& codePoint) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(at);
  std::size_t length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
  if (length == 0 || lead > 0xf4 || at + length > text.size()) return 0;
  char32_t value = lead & (0x7f >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xc0) != 0x80) return 0;
    value = (value << 6) | (byte(at + i) & 0x3f);
  }
  constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kSmallest[length] || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
    return 0;
  codePoint = value;
  return length;
}

std::string escaped(const char* format, unsigned value) {
  char text[12];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

std::string escapedAscii(unsigned char c) {
  switch (c) {
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    case '\\':
      return "\\\\";
    default:
      return c < 0x20 || c == 0x7f ? escaped("\\x%02x", c) : std::string(1, static_cast<char>(c));
  }
}

}  // namespace

std::string logSafe(std::string_view text, std::size_t maxBytes) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size() && at < maxBytes) {
    auto c = static_cast<unsigned char>(text[at]);
    if (c < 0x80) {
      out += escapedAscii(c);
      ++at;
      continue;
    }
    char32_t codePoint = 0;
    std::size_t length = utf8Sequence(text, at, codePoint);
    if (length == 0) {
      out += escaped("\\x%02x", c);
      ++at;
    } else if (at + length > maxBytes) {
      break;  // never half a character
    } else {
      bool control = codePoint < 0xa0 || codePoint == 0x2028 || codePoint == 0x2029;
      out += control ? escaped("\\u%04x", static_cast<unsigned>(codePoint))
                     : std::string(text.substr(at, length));
      at += length;
    }
  }
  if (at < text.size()) out += "[... " + std::to_string(text.size() - at) + " more bytes]";
  return out;
}

}  // namespace hw
