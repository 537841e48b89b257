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
// A red 1 px frame marks the media's edges. Below the size, `howToGet` tells
// the operator how to get the real media. Without a font, lines only.
Image makeStandInCard(Size size, const std::string& fileName, const std::string& howToGet,
                      TextPainter& text);

// What a stand-in card for the media at `uri` says to do: "hyperwall fetch
// 31382" for an SVS page's media, else where docs say how to cache a file.
std::string howToGetMedia(const std::string& uri);

}  // namespace hw
