#pragma once

#include "tiler/Image.h"

namespace hw {

// `picture` scaled down to fit a maxSide x maxSide box, aspect kept (never
// enlarged), through the tiler's Resampler so it filters as the tiles do.
Image thumbnailOf(const Image& picture, int maxSide);

}  // namespace hw
