#pragma once

#include <string>
#include <vector>

#include "hwshow/Playlist.h"
#include "tiler/Rect.h"

namespace hw {

// Picks which of the sizes a source offers to show in a target of `target`
// canvas pixels: the smallest that covers the target in both dimensions (no
// upscaling, least to decode), else the largest (least upscaling). Files of
// unknown size are only chosen when no size is known. `targetName` ("canvas",
// "region") words MediaRef::choice, e.g. "smallest of 2 sizes covering the
// 5772x3252 canvas". Every candidate is kept in MediaRef::candidates.
MediaRef chooseMedia(MediaKind kind, const std::vector<MediaCandidate>& candidates, Size target,
                     const std::string& targetName);

}  // namespace hw
