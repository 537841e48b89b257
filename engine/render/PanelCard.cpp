#include "engine/render/PanelCard.h"

#include <algorithm>

#include "engine/render/TextWrap.h"

namespace hw {
namespace {

constexpr Color kInk{245, 245, 245};
constexpr int kLinesPerTitle = 3;  // a line's letters are a third of the title's
constexpr int kSmallestPixels = 10;

struct Row {
  std::string text;
  int pixels = 0;  // font size
};

// `text` at up to `pixels`, smaller until it fits `width`, cut below a size still legible.
Row fitted(const std::string& text, int pixels, int width, TextPainter& painter) {
  int legible = std::max(kSmallestPixels, pixels / 2);
  while (pixels > legible && painter.measure(text, pixels).w > width) --pixels;
  auto widthOf = [&](const std::string& s) { return painter.measure(s, pixels).w; };
  return {widthOf(text) <= width ? text : withEllipsis(text, width, widthOf), pixels};
}

int rowAdvance(const Row& row) { return row.pixels * 5 / 4; }

}  // namespace

int panelCardTitlePixels(int displayHeight) { return std::max(kSmallestPixels, displayHeight / 5); }

Image drawPanelCard(const PanelCard& card, Size size, TextPainter& text) {
  Image image(size.w, size.h, card.background);
  int width = size.w * 9 / 10;  // a margin of a twentieth each side
  int titlePixels = panelCardTitlePixels(size.h);
  std::vector<Row> rows{fitted(card.title, titlePixels, width, text)};
  for (const std::string& line : card.lines)
    rows.push_back(
        fitted(line, std::max(kSmallestPixels, titlePixels / kLinesPerTitle), width, text));
  int height = 0;
  for (const Row& row : rows) height += rowAdvance(row);
  int y = std::max(0, (size.h - height) / 2);
  for (const Row& row : rows) {
    int rowWidth = text.measure(row.text, row.pixels).w;
    text.draw(image, row.text, (size.w - rowWidth) / 2, y, row.pixels, kInk);
    y += rowAdvance(row);
  }
  return image;
}

}  // namespace hw
