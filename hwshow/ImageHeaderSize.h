#pragma once

#include <string>

#include "tiler/Rect.h"

namespace hw {

// The pixel size a PNG, JPEG, BMP or WebP file declares in its header, read
// from its first bytes without decoding, so sources can choose sizes and
// `plan` can print them cheaply. {0, 0} when the file cannot be read or its
// header is not understood (the decoder finds out later).
Size imageSizeFromHeader(const std::string& path);

// The formats imageSizeFromHeader reads, for messages about a file it does not.
inline constexpr const char* kHeaderImageFormats = "PNG, JPEG, BMP or WebP";

}  // namespace hw
