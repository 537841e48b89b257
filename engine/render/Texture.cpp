#include "engine/render/Texture.h"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace hw {

Texture::Texture(const RenderWindow& window, const Image& image) : format_(window.textureFormat()) {
  texture_ = SDL_CreateTexture(window.renderer(), format_, SDL_TEXTUREACCESS_STATIC, image.width,
                               image.height);
  update(image);
}

void Texture::update(const Image& image) {
  const void* pixels = image.pixels.data();
  std::vector<std::uint8_t> converted;
  if (format_ != SDL_PIXELFORMAT_RGBA32 && texture_) {
    converted.resize(image.pixels.size());  // every format chosen has 4 bytes per pixel
    SDL_ConvertPixels(image.width, image.height, SDL_PIXELFORMAT_RGBA32, pixels, image.stride(),
                      format_, converted.data(), image.stride());
    pixels = converted.data();
  }
  if (!texture_ || SDL_UpdateTexture(texture_, nullptr, pixels, image.stride()) != 0)
    throw std::runtime_error("cannot upload a " + std::to_string(image.width) + "x" +
                             std::to_string(image.height) + " texture: " + SDL_GetError());
}

Texture::~Texture() {
  if (texture_) SDL_DestroyTexture(texture_);
}

Texture::Texture(Texture&& other) noexcept
    : texture_(std::exchange(other.texture_, nullptr)), format_(other.format_) {}

Texture& Texture::operator=(Texture&& other) noexcept {
  std::swap(texture_, other.texture_);
  std::swap(format_, other.format_);
  return *this;
}

void Texture::draw(SDL_Renderer* renderer, const SDL_Rect& place, std::uint8_t opacity) const {
  SDL_SetTextureBlendMode(texture_, opacity == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
  SDL_SetTextureAlphaMod(texture_, opacity);
  SDL_RenderCopy(renderer, texture_, nullptr, &place);
}

}  // namespace hw
