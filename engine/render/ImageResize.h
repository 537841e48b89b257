#pragma once

#include "tiler/Image.h"

namespace hw {

// `source` scaled to width x height by area averaging: each output pixel is
// the mean of the source pixels it covers, so a scaled-down rehearsal view
// keeps the colours a node shows at full size.
Image resizeImage(const Image& source, int width, int height);

}  // namespace hw
