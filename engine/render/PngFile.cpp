#include "engine/render/PngFile.h"

#include <SDL.h>
#include <SDL_image.h>

#include <cstring>
#include <stdexcept>

namespace hw {

void writePng(const Image& image, const std::filesystem::path& file) {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormatFrom(
      const_cast<std::uint8_t*>(image.pixels.data()), image.width, image.height, 32,
      image.stride(), SDL_PIXELFORMAT_RGBA32);
  if (!surface) throw std::runtime_error(file.string() + ": cannot write: " + SDL_GetError());
  int status = IMG_SavePNG(surface, file.string().c_str());
  SDL_FreeSurface(surface);
  if (status != 0) throw std::runtime_error(file.string() + ": cannot write: " + IMG_GetError());
}

Image readPng(const std::filesystem::path& file) {
  SDL_Surface* loaded = IMG_Load(file.string().c_str());
  if (!loaded) throw std::runtime_error(file.string() + ": cannot read: " + IMG_GetError());
  SDL_Surface* rgba = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_RGBA32, 0);
  SDL_FreeSurface(loaded);
  if (!rgba) throw std::runtime_error(file.string() + ": cannot convert: " + SDL_GetError());
  Image image(rgba->w, rgba->h);
  SDL_LockSurface(rgba);
  for (int y = 0; y < rgba->h; ++y)
    std::memcpy(image.row(y), static_cast<const std::uint8_t*>(rgba->pixels) + y * rgba->pitch,
                static_cast<std::size_t>(image.stride()));
  SDL_UnlockSurface(rgba);
  SDL_FreeSurface(rgba);
  return image;
}

}  // namespace hw
