#pragma once

#include <string>

#include "hwshow/Playlist.h"
#include "tiler/Image.h"
#include "tiler/Rect.h"
#include "tiler/TextPainter.h"

namespace hw {

// A test card standing in for media that is not on this machine, exactly
// `size` pixels: "STAND-IN for <fileName> — real media not available", a grid
// line every 100 px, and every 200 px crossing labelled with its media pixel
// coordinates, so a tile that is shifted, scaled or turned shows it at once.
// A red 1 px frame marks the media's edges. Under the title, `detail` ("" =
// "<w> x <h> px"), then `howToGet`, which tells the operator how to get the
// real media. Without a font, lines only.
Image makeStandInCard(Size size, const std::string& fileName, const std::string& howToGet,
                      TextPainter& text, const std::string& detail = "");

// What a stand-in for the media at `uri` says to do: "to show the real
// picture (or movie): hyperwall fetch 31382" for an SVS page's media, else
// where docs say how to cache a file.
std::string howToGetMedia(const std::string& uri, MediaKind kind = MediaKind::Image);

}  // namespace hw
