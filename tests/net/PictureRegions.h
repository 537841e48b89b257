#pragma once

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "hwshow/Playlist.h"
#include "tiler/Image.h"
#include "tiler/Rect.h"

namespace hw {

namespace test {

// "(r, g, b)", for failure messages.
inline std::string describe(Color c) {
  return "(" + std::to_string(c.r) + ", " + std::to_string(c.g) + ", " + std::to_string(c.b) + ")";
}

inline Color colorAt(const Image& image, int x, int y) {
  const std::uint8_t* p = image.at(x, y);
  return {p[0], p[1], p[2]};
}

// Per-channel median over `area` (clipped): one display's colour in a
// screenshot, whatever labels and crosses are drawn over part of it.
inline Color medianColor(const Image& image, const RectI& area) {
  std::vector<std::uint8_t> channel[3];
  for (int y = std::max(0, area.y); y < std::min(image.height, area.bottom()); ++y)
    for (int x = std::max(0, area.x); x < std::min(image.width, area.right()); ++x)
      for (int c = 0; c < 3; ++c) channel[c].push_back(image.at(x, y)[c]);
  std::uint8_t median[3] = {0, 0, 0};
  for (int c = 0; c < 3; ++c) {
    if (channel[c].empty()) continue;
    auto middle = channel[c].begin() + channel[c].size() / 2;
    std::nth_element(channel[c].begin(), middle, channel[c].end());
    median[c] = *middle;
  }
  return {median[0], median[1], median[2]};
}

// The middle of a display's rectangle (canvas px) in a picture `scale` times
// the canvas: away from its edges, border and labels.
inline RectI innerRect(const RectI& display, double scale) {
  return {static_cast<int>((display.x + display.w * 0.3) * scale),
          static_cast<int>((display.y + display.h * 0.3) * scale),
          static_cast<int>(display.w * 0.6 * scale), static_cast<int>(display.h * 0.4 * scale)};
}

inline bool near(Color a, Color b, int tolerance) {
  return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
         std::abs(a.b - b.b) <= tolerance;
}

inline bool near(Color a, const std::uint8_t* pixel, int tolerance) {
  return near(a, Color{pixel[0], pixel[1], pixel[2]}, tolerance);
}

}  // namespace test
}  // namespace hw
