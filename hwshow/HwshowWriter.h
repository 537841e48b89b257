#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "hwshow/Playlist.h"

namespace hw {

// The .hwshow document for `playlist`, to be saved in `baseDir` and edited by
// hand: local media inside baseDir are written relative to it, values equal
// to the defaults are left out, and a picture offered at several sizes keeps
// all of them so it is chosen again for whatever wall plays the file. Parsing
// the result gives an equivalent playlist (same cues, media, regions, timing).
// Keys come in a reading order: "hwshow" first, then title and the other
// metadata, defaults, cues; in a cue its title, media, timing, then notes.
nlohmann::ordered_json playlistToHwshow(const Playlist& playlist, const std::string& baseDir);

}  // namespace hw
