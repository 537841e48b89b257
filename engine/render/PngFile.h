#pragma once

#include <filesystem>

#include "tiler/Image.h"

namespace hw {

// Writes `image` as an RGBA PNG (SDL2_image). Throws std::runtime_error naming the file.
void writePng(const Image& image, const std::filesystem::path& file);
// Reads any image SDL2_image decodes into RGBA8. Throws std::runtime_error naming the file.
Image readPng(const std::filesystem::path& file);

}  // namespace hw
