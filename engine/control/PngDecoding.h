#pragma once

#include <string>

#include "tiler/Image.h"

namespace hw {

// PNG file bytes held in memory as RGBA, refusing anything wider than
// maxWidth or taller than maxHeight before decoding it (the bytes may come
// from the network). Throws std::runtime_error saying what is wrong.
Image decodePng(const std::string& png, int maxWidth, int maxHeight);

}  // namespace hw
