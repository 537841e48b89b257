#pragma once

#include <functional>
#include <string>

#include "config/WallConfig.h"
#include "hwshow/Playlist.h"

namespace hw {

// Where a movie cut into one movie per display stands, for progress lines.
struct MovieCutProgress {
  long long framesDone = 0;
  long long framesTotal = 0;  // 0 when the source does not say
};

class MovieFile;

// A cue showing the movie `movie` (opened from `source`) over the whole wall with `fit`:
// what cutMoviePerDisplay cuts every frame of.
Cue wholeWallMovieCue(const std::string& source, const MovieFile& movie, FitMode fit);

// Cuts the movie `source` into one H.264 movie per active display of `wall`
// (`OUT/r0c2.mp4`: the display's native size and rotation, each frame cut by
// CueTiler exactly as a node cuts the source while playing it, `fit` over the
// whole wall), a keyframe every second, and writes `OUT/manifest.json`
// (docs/tiler.md, "Per-display movies"). Throws MediaError naming the file
// that cannot be read or written.
void cutMoviePerDisplay(const std::string& source, const WallConfig& wall, FitMode fit,
                        const std::string& out,
                        const std::function<void(const MovieCutProgress&)>& progress);

// The same for a cue showing one movie (its local file) as the show lays it
// out: region, fit, anchor and background, each display's whole picture.
void cutCuePerDisplay(const Cue& cue, const WallConfig& wall, const std::string& out,
                      const std::function<void(const MovieCutProgress&)>& progress);

}  // namespace hw
