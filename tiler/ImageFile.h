#pragma once

#include <filesystem>
#include <string>

#include "tiler/Image.h"

namespace hw {

// Decodes a PNG, JPEG (or anything else SDL2_image reads) into RGBA.
// Throws MediaError naming the file and SDL_image's reason.
Image decodeImageFile(const std::filesystem::path& path);
// The same, also telling whether every pixel is opaque (free for formats
// without alpha, found while copying for the rest).
Image decodeImageFile(const std::filesystem::path& path, bool& opaque);

// Decodes image file bytes held in memory (any format SDL2_image reads) into
// RGBA. Throws MediaError naming `name` and SDL_image's reason.
Image decodeImageBytes(const std::string& bytes, const std::string& name);

// The picture as PNG file bytes (libpng, tuned for speed: tiler/PngEncoder.cpp);
// an opaque picture is written as RGB. Throws std::runtime_error.
std::string encodePng(const Image& image);

// encodePng into a file. Throws std::runtime_error naming the file when it
// cannot be written.
void writePngFile(const Image& image, const std::filesystem::path& path);

}  // namespace hw
