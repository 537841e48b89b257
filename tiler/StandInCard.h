#pragma once

#include <string>

#include "tiler/Image.h"
#include "tiler/Rect.h"
#include "tiler/TextPainter.h"

namespace hw {

// A test card standing in for media that is not on this machine, exactly
// `size` pixels: "STAND-IN for <fileName> — real media not available", a grid
// line every 100 px, and every 200 px crossing labelled with its media pixel
// coordinates, so a tile that is shifted, scaled or turned shows it at once.
// A red 1 px frame marks the media's edges. Without a font, lines only.
Image makeStandInCard(Size size, const std::string& fileName, TextPainter& text);

}  // namespace hw
