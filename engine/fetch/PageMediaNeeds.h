#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hwshow/LocalMirror.h"
#include "hwshow/Playlist.h"

namespace hw {

// The .hwshow companions an SVS page lists (HyperwallShow items), in page order.
std::vector<std::string> companionShowUrls(const nlohmann::json& page);

// Every http(s) file of `kind` the show's playable cues draw, in cue order,
// once each: what a wall needs in the cache to play the show offline. The
// show loader has already chosen each item's size (and movie version) for the
// wall. Frame sequences are left to the two below.
std::vector<std::string> mediaUrlsOf(const Playlist& show, MediaKind kind);

// The http(s) folders of the show's frame sequences, once each: their
// listings say which frames to fetch.
std::vector<std::string> frameFolderUrlsOf(const Playlist& show);

// Every frame the cached listings of those folders name, in cue and frame order.
std::vector<std::string> frameUrlsOf(const Playlist& show, const LocalMirror& mirror);

}  // namespace hw
