#include "engine/render/TextWrap.h"

#include <sstream>

namespace hw {
namespace {

const std::string kEllipsis = "\u2026";

// Bytes of the UTF-8 character starting at `at`, so a cut never splits one.
std::size_t characterLength(const std::string& text, std::size_t at) {
  std::size_t length = 1;
  while (at + length < text.size() &&
         (static_cast<unsigned char>(text[at + length]) & 0xC0) == 0x80)
    ++length;
  return length;
}

// The longest prefix of `text` (whole characters, at least one) within `width`.
std::size_t fittingPrefix(const std::string& text, int width,
                          const std::function<int(const std::string&)>& widthOf) {
  std::size_t fits = characterLength(text, 0);
  for (std::size_t end = fits; end < text.size();) {
    std::size_t next = end + characterLength(text, end);
    if (widthOf(text.substr(0, next)) > width) break;
    fits = end = next;
  }
  return fits;
}

void wrapParagraph(const std::string& paragraph, int width,
                   const std::function<int(const std::string&)>& widthOf,
                   std::vector<std::string>& lines) {
  std::istringstream words(paragraph);
  std::string word, line;
  while (words >> word) {
    std::string longer = line.empty() ? word : line + " " + word;
    if (widthOf(longer) <= width) {
      line = longer;
      continue;
    }
    if (!line.empty()) lines.push_back(line);
    line = word;
    while (widthOf(line) > width && line.size() > characterLength(line, 0)) {
      std::size_t cut = fittingPrefix(line, width, widthOf);
      lines.push_back(line.substr(0, cut));
      line = line.substr(cut);
    }
  }
  if (!line.empty()) lines.push_back(line);
}

}  // namespace

std::vector<std::string> wrapText(const std::string& text, int width,
                                  const std::function<int(const std::string&)>& widthOf) {
  std::vector<std::string> lines;
  std::istringstream paragraphs(text);
  std::string paragraph;
  while (std::getline(paragraphs, paragraph)) wrapParagraph(paragraph, width, widthOf, lines);
  return lines;
}

std::string withEllipsis(const std::string& line, int width,
                         const std::function<int(const std::string&)>& widthOf) {
  std::string cut = line;
  while (!cut.empty() && widthOf(cut + kEllipsis) > width) {
    std::size_t last = cut.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(cut[last]) & 0xC0) == 0x80) --last;
    cut.erase(last);
  }
  while (!cut.empty() && cut.back() == ' ') cut.pop_back();
  return cut + kEllipsis;
}

}  // namespace hw
