#pragma once

#include <string>

#include "engine/render/PlaybackPosition.h"
#include "hwshow/Playlist.h"

namespace hw {

// What the wall should sound like at one instant: one movie's soundtrack at
// a time into it, or silence.
struct SoundWanted {
  std::string uri;         // the movie whose soundtrack plays; "" = silence
  double seconds = 0;      // s into the movie, inside its pass
  double passSeconds = 0;  // s one pass of the movie lasts: its sound wraps there
};

// The sound of the wall at `position` of `show`: the soundtrack of the cue's
// first movie, in step with its pictures (the same pass and time into it as
// MovieClock's frames), while the show plays; silence while it is paused,
// stopped, past its end, or on a cue without a movie (frame sequences have
// no sound). During a crossfade the cue coming in is heard.
SoundWanted soundAt(const Playlist& show, const PlaybackPosition& position);

}  // namespace hw
