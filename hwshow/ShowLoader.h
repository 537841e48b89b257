#pragma once

#include <string>
#include <vector>

#include "config/WallConfig.h"
#include "hwshow/LocalMirror.h"
#include "hwshow/Playlist.h"

namespace hw {

// Turns what a user names on the command line into one validated Playlist:
// an SVS page JSON file, an SVS page id or URL (read from the local cache),
// a .hwshow file, a folder of images, or a list of image files.
// Media sizes are chosen for `wall`. Any error in a source throws InputError
// (file:line:column or JSON pointer); things skipped are in Playlist::warnings.
// Several sources play one after the other; the first one's metadata,
// defaults and loop flag apply. Cached pages and URLs are looked up in the
// mirror named by the environment (LocalMirror::fromEnvironment).
Playlist loadShow(const std::vector<std::string>& sources, const WallConfig& wall);

// A show that would leave the wall dark is bad input, said at load with the
// reason, rather than an empty playlist that "plays" nothing: throws
// InputError "nothing to show: …" unless some cue can play. loadShow checks
// it; so does anything that later finds cues unplayable (MovieProbe).
void requireSomethingToShow(const Playlist& show);

// The same with an explicit cache (tests, or a --cache option).
Playlist loadShow(const std::vector<std::string>& sources, const WallConfig& wall,
                  const LocalMirror& mirror);

}  // namespace hw
