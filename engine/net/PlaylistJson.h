#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "hwshow/Playlist.h"

namespace hw {

// The playlist as the master sends it to nodes in its welcome: what a node
// needs to draw every cue (items, fits, regions, colours, transitions, the
// title for its standby screen). Operator-only fields (notes, candidate
// sizes, warnings) stay on the master. Decoding is strict (InputError).
nlohmann::json playlistToJson(const Playlist& playlist);
Playlist playlistFromJson(const nlohmann::json& value, const std::string& origin);

}  // namespace hw
