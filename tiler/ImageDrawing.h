#pragma once

#include "hwshow/Playlist.h"
#include "tiler/Image.h"

namespace hw {

// Fills pixels [x0, x1) x [y0, y1) of `image` (clipped to it) opaque `color`.
void fillRect(Image& image, int x0, int y0, int x1, int y1, Color color);

// Both diagonals of the rectangle [x0, x1) x [y0, y1), two pixels thick.
void drawCross(Image& image, int x0, int y0, int x1, int y1, Color color);

}  // namespace hw
