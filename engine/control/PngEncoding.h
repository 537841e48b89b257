#pragma once

#include <string>

#include "tiler/Image.h"

namespace hw {

// The picture as PNG file bytes, in memory (SDL2_image's encoder).
std::string encodePng(const Image& image);

}  // namespace hw
