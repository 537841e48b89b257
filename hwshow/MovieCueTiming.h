#pragma once

#include <optional>
#include <string>

#include "hwshow/Playlist.h"

namespace hw {

// A frame rate as written in a show: "30000/1001", "25", or a decimal such as
// 29.97, taken as the NTSC rate it stands for (30000/1001). nullopt when the
// text is none of these or not between 1 and 1000 frames per second.
std::optional<FrameRate> parseFrameRate(const std::string& text);
std::optional<FrameRate> frameRateFromDecimal(double fps);
// "30000/1001" or "30": how a show and the node protocol write a rate.
std::string frameRateText(FrameRate rate);

bool hasMovie(const Cue& cue);

// A movie cue without a written duration lasts its longest movie times its
// loops, once every movie's facts are known; other cues are left as they are.
void settleMovieCueDuration(Cue& cue);

}  // namespace hw
