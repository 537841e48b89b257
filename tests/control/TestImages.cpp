#include "tests/control/TestImages.h"

#include <SDL.h>
#include <SDL_image.h>

#include <fstream>
#include <stdexcept>

#include "engine/control/PngEncoding.h"
#include "tiler/Image.h"

namespace hw::test {

std::string solidPngBytes(int width, int height, Color color) {
  return encodePng(Image(width, height, color));
}

void writeSolidPng(const std::string& path, int width, int height, Color color) {
  std::ofstream(path, std::ios::binary) << solidPngBytes(width, height, color);
}

Color pixelOfPng(const std::string& png, int x, int y) {
  SDL_Surface* decoded =
      IMG_Load_RW(SDL_RWFromConstMem(png.data(), static_cast<int>(png.size())), 1);
  if (!decoded) throw std::runtime_error(std::string("not a picture: ") + IMG_GetError());
  SDL_Surface* rgba = SDL_ConvertSurfaceFormat(decoded, SDL_PIXELFORMAT_RGBA32, 0);
  SDL_FreeSurface(decoded);
  const auto* p = static_cast<const std::uint8_t*>(rgba->pixels) + y * rgba->pitch + x * 4;
  Color c{p[0], p[1], p[2]};
  SDL_FreeSurface(rgba);
  return c;
}

}  // namespace hw::test
