#pragma once

#include <cstdint>
#include <vector>

#include "hwshow/Playlist.h"

namespace hw {

// An 8-bit RGBA picture in memory, rows top to bottom, bytes R,G,B,A per pixel
// (SDL_PIXELFORMAT_RGBA32). The one pixel type shared by tiler, renderer and tests.
struct Image {
  int width = 0;                     // pixels
  int height = 0;                    // pixels
  std::vector<std::uint8_t> pixels;  // width * height * 4 bytes

  Image() = default;
  Image(int w, int h, Color fill = {}, std::uint8_t alpha = 255)
      : width(w), height(h), pixels(static_cast<std::size_t>(w) * h * 4) {
    for (std::size_t i = 0; i < pixels.size(); i += 4) {
      pixels[i] = fill.r;
      pixels[i + 1] = fill.g;
      pixels[i + 2] = fill.b;
      pixels[i + 3] = alpha;
    }
  }

  bool empty() const { return width <= 0 || height <= 0; }
  int stride() const { return width * 4; }
  std::uint8_t* row(int y) { return pixels.data() + static_cast<std::size_t>(y) * stride(); }
  const std::uint8_t* row(int y) const {
    return pixels.data() + static_cast<std::size_t>(y) * stride();
  }
  std::uint8_t* at(int x, int y) { return row(y) + x * 4; }
  const std::uint8_t* at(int x, int y) const { return row(y) + x * 4; }
};

}  // namespace hw
