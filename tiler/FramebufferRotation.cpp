#include "tiler/FramebufferRotation.h"

#include <cstring>

namespace hw {
namespace {

// Turns `src` clockwise by `degrees` (0, 90, 180, 270).
Image turnClockwise(const Image& src, int degrees) {
  if (degrees == 0) return src;
  bool swap = degrees == 90 || degrees == 270;
  Image dst;
  dst.width = swap ? src.height : src.width;
  dst.height = swap ? src.width : src.height;
  dst.pixels.resize(src.pixels.size());
  for (int y = 0; y < dst.height; ++y) {
    for (int x = 0; x < dst.width; ++x) {
      int sx = x, sy = y;
      if (degrees == 90) {
        sx = y;
        sy = src.height - 1 - x;
      } else if (degrees == 180) {
        sx = src.width - 1 - x;
        sy = src.height - 1 - y;
      } else {
        sx = src.width - 1 - y;
        sy = x;
      }
      std::memcpy(dst.at(x, y), src.at(sx, sy), 4);
    }
  }
  return dst;
}

}  // namespace

Image toFramebuffer(const Image& mounted, Rotation rotation) {
  return turnClockwise(mounted, (360 - static_cast<int>(rotation)) % 360);
}

Image toMounted(const Image& framebuffer, Rotation rotation) {
  return turnClockwise(framebuffer, static_cast<int>(rotation));
}

Size framebufferSize(const WallConfig& wall, Rotation rotation) {
  bool sideways = rotation == Rotation::R90 || rotation == Rotation::R270;
  return sideways ? Size{wall.displayHeight, wall.displayWidth}
                  : Size{wall.displayWidth, wall.displayHeight};
}

}  // namespace hw
