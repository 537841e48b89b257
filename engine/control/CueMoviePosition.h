#pragma once

#include <optional>

#include "engine/control/WallStatus.h"
#include "hwshow/Playlist.h"

namespace hw {

// Where `cue` is in its first movie `elapsed` s into it, for a cue lasting
// `cueSeconds`; nullopt for a cue without a movie or whose movie's facts are
// unknown (a file that would not open). Pure: MovieClock's frame of the instant.
std::optional<CueMovie> cueMoviePosition(const Cue& cue, double elapsed, double cueSeconds);

}  // namespace hw
