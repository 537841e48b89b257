#pragma once

#include <functional>
#include <string>
#include <vector>

namespace hw {

// `text` broken into lines no wider than `width` by `widthOf`, at spaces
// where it can, inside a word where one word alone is too wide. Line breaks
// in `text` are kept. Pure: the caller measures (a font, a character count).
std::vector<std::string> wrapText(const std::string& text, int width,
                                  const std::function<int(const std::string&)>& widthOf);

// `line` cut to fit `width` with "…" at its end ("…" alone when nothing fits).
std::string withEllipsis(const std::string& line, int width,
                         const std::function<int(const std::string&)>& widthOf);

}  // namespace hw
