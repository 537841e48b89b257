#include "engine/control/PngEncoding.h"

#include <SDL.h>
#include <SDL_image.h>

#include <stdexcept>

namespace hw {

std::string encodePng(const Image& image) {
  // The surface borrows the image's pixels; SDL only reads them here.
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormatFrom(
      const_cast<std::uint8_t*>(image.pixels.data()), image.width, image.height, 32, image.stride(),
      SDL_PIXELFORMAT_RGBA32);
  if (!surface) throw std::runtime_error(std::string("cannot encode PNG: ") + SDL_GetError());
  std::string png;
  SDL_RWops* out = SDL_AllocRW();
  out->hidden.unknown.data1 = &png;
  out->write = [](SDL_RWops* rw, const void* data, size_t size, size_t count) -> size_t {
    static_cast<std::string*>(rw->hidden.unknown.data1)
        ->append(static_cast<const char*>(data), size * count);
    return count;
  };
  out->close = [](SDL_RWops* rw) {
    SDL_FreeRW(rw);
    return 0;
  };
  int failed = IMG_SavePNG_RW(surface, out, 1);
  SDL_FreeSurface(surface);
  if (failed) throw std::runtime_error(std::string("cannot encode PNG: ") + IMG_GetError());
  return png;
}

}  // namespace hw
