#include "engine/render/TileOrientation.h"

#include <cstring>

namespace hw {
namespace {

Image turnClockwise(const Image& source, int quarterTurns) {
  quarterTurns = ((quarterTurns % 4) + 4) % 4;
  if (quarterTurns == 0) return source;
  bool sideways = quarterTurns % 2 == 1;
  Image turned(sideways ? source.height : source.width, sideways ? source.width : source.height);
  int w = source.width, h = source.height;
  for (int y = 0; y < turned.height; ++y) {
    for (int x = 0; x < turned.width; ++x) {
      int sx = 0, sy = 0;
      switch (quarterTurns) {
        case 1: sx = y, sy = h - 1 - x; break;
        case 2: sx = w - 1 - x, sy = h - 1 - y; break;
        default: sx = w - 1 - y, sy = x; break;
      }
      std::memcpy(turned.at(x, y), source.at(sx, sy), 4);
    }
  }
  return turned;
}

int quarterTurns(Rotation rotation) { return static_cast<int>(rotation) / 90; }

}  // namespace

Image framebufferFromMounted(const Image& mounted, Rotation rotation) {
  return turnClockwise(mounted, -quarterTurns(rotation));
}

Image mountedFromFramebuffer(const Image& framebuffer, Rotation rotation) {
  return turnClockwise(framebuffer, quarterTurns(rotation));
}

}  // namespace hw
