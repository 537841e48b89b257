#pragma once

#include <memory>
#include <string>

#include "tiler/Image.h"
#include "tiler/Rect.h"

namespace hw {

// Draws lines of text onto an Image with SDL2_ttf and the DejaVu Sans font
// (Debian fonts-dejavu-core; HYPERWALL_FONT overrides the path). Used for
// labels on stand-in cards, the test pattern and the rehearsal status line.
// Without a usable font, available() is false and drawing does nothing: a
// missing label must never stop a show.
class TextPainter {
 public:
  TextPainter();
  ~TextPainter();
  TextPainter(const TextPainter&) = delete;
  TextPainter& operator=(const TextPainter&) = delete;

  bool available() const;
  // Why no font could be opened ("" when available).
  const std::string& problem() const { return problem_; }

  // Blends `text` (UTF-8, one line) with its top-left corner at (x, y);
  // `pixelHeight` is the font size in pixels. Returns the drawn width.
  int draw(Image& target, const std::string& text, int x, int y, int pixelHeight, Color color);
  // Width and height `text` would take at `pixelHeight`.
  Size measure(const std::string& text, int pixelHeight);

 private:
  struct Fonts;
  std::unique_ptr<Fonts> fonts_;
  std::string problem_;
};

}  // namespace hw
