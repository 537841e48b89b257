#pragma once

#include "hwshow/Playlist.h"

namespace hw {

// Appends the cues and warnings of `part` (an included page or show, or the
// next command-line source) to `whole`; metadata fields `whole` leaves empty
// are taken from `part`. Defaults and loop stay those of `whole`.
void appendPlaylist(Playlist& whole, Playlist&& part);

}  // namespace hw
