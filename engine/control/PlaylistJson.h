#pragma once

#include <nlohmann/json.hpp>

#include "hwshow/Playlist.h"

namespace hw {

// The playlist as remotes list it: cue numbers 1-based, with thumbnail routes
// that change with `generation` so browsers never show a stale show's picture.
nlohmann::json playlistToJson(const Playlist& playlist, int generation);

}  // namespace hw
