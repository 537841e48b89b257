#include "tiler/ImageDrawing.h"

#include <algorithm>

namespace hw {

void fillRect(Image& image, int x0, int y0, int x1, int y1, Color c) {
  x0 = std::max(0, x0), y0 = std::max(0, y0);
  x1 = std::min(image.width, x1), y1 = std::min(image.height, y1);
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      std::uint8_t* p = image.at(x, y);
      p[0] = c.r, p[1] = c.g, p[2] = c.b, p[3] = 255;
    }
  }
}

void drawCross(Image& image, int x0, int y0, int x1, int y1, Color c) {
  int w = x1 - x0, h = y1 - y0;
  if (w <= 0 || h <= 0) return;
  int steps = std::max(w, h);
  for (int i = 0; i < steps; ++i) {
    int x = x0 + i * w / steps, y = y0 + i * h / steps, yBack = y1 - 1 - i * h / steps;
    fillRect(image, x, y, x + 2, y + 2, c);
    fillRect(image, x, yBack - 1, x + 2, yBack + 1, c);
  }
}

}  // namespace hw
