#include "engine/render/Texture.h"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace hw {

Texture::Texture(const RenderWindow& window, const Image& image) {
  Uint32 format = window.textureFormat();
  texture_ = SDL_CreateTexture(window.renderer(), format, SDL_TEXTUREACCESS_STATIC, image.width,
                               image.height);
  const void* pixels = image.pixels.data();
  std::vector<std::uint8_t> converted;
  if (format != SDL_PIXELFORMAT_RGBA32 && texture_) {
    converted.resize(image.pixels.size());  // every format chosen has 4 bytes per pixel
    SDL_ConvertPixels(image.width, image.height, SDL_PIXELFORMAT_RGBA32, pixels, image.stride(),
                      format, converted.data(), image.stride());
    pixels = converted.data();
  }
  if (!texture_ || SDL_UpdateTexture(texture_, nullptr, pixels, image.stride()) != 0)
    throw std::runtime_error("cannot upload a " + std::to_string(image.width) + "x" +
                             std::to_string(image.height) + " texture: " + SDL_GetError());
}

Texture::~Texture() {
  if (texture_) SDL_DestroyTexture(texture_);
}

Texture::Texture(Texture&& other) noexcept : texture_(std::exchange(other.texture_, nullptr)) {}

Texture& Texture::operator=(Texture&& other) noexcept {
  std::swap(texture_, other.texture_);
  return *this;
}

void Texture::draw(SDL_Renderer* renderer, const SDL_Rect& place, std::uint8_t opacity) const {
  SDL_SetTextureBlendMode(texture_, opacity == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetTextureAlphaMod(texture_, opacity);
  SDL_RenderCopy(renderer, texture_, nullptr, &place);
}

}  // namespace hw
