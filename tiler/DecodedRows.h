#pragma once

#include <cstdint>

#include "tiler/Image.h"

namespace hw {

// Rows as SDL_image decodes them -> rows of an Image.

// `count` RGB pixels -> RGBA, alpha 255 (SSSE3 byte shuffles where the CPU has them).
void rgbRowToRgba(const std::uint8_t* src, std::uint8_t* dst, int count);

// Whether all `count` RGBA pixels have alpha 255.
bool rgbaRowOpaque(const std::uint8_t* src, int count);

// Whether every pixel of `image` has alpha 255.
bool isOpaque(const Image& image);

}  // namespace hw
