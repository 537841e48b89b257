#pragma once

#include <SDL.h>

#include "engine/render/RenderWindow.h"
#include "tiler/Image.h"

namespace hw {

// An Image uploaded to a window's renderer in the window's texture format
// (converted once here, not on every copy); owns the SDL texture.
class Texture {
 public:
  Texture(const RenderWindow& window, const Image& image);  // throws std::runtime_error
  ~Texture();
  Texture(Texture&& other) noexcept;
  Texture& operator=(Texture&& other) noexcept;
  Texture(const Texture&) = delete;
  Texture& operator=(const Texture&) = delete;

  // Replaces the pixels with `image`, of the size the texture was made at
  // (a movie's next frame): no new texture per frame.
  void update(const Image& image);  // throws std::runtime_error

  // Copies the texture into `place`; opacity 255 replaces what is there,
  // less blends over it (255 = opaque).
  void draw(SDL_Renderer* renderer, const SDL_Rect& place, std::uint8_t opacity) const;

 private:
  SDL_Texture* texture_ = nullptr;
  Uint32 format_ = SDL_PIXELFORMAT_RGBA32;  // the window's texture format
};

}  // namespace hw
