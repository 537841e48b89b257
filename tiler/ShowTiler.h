#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "config/WallConfig.h"
#include "hwshow/Playlist.h"
#include "tiler/MediaSource.h"

namespace hw {

struct ShowTilingOptions {
  std::filesystem::path outFolder;  // cue-001/, cue-002/, ... are written inside
  int previewSize = 1920;           // px, the longer side of each wall.png at most
};

// What tileShow did: cues written and one line per cue that failed.
struct ShowTilingResult {
  int cuesWritten = 0;              // cues whose tiles and preview are all on disk
  std::vector<std::string> errors;  // "cue 2 "title": file: problem", one per failed cue
};

// Writes every cue's tiles (<out>/cue-NNN/r<row>c<col>.png) and wall preview
// (<out>/cue-NNN/wall.png), reporting progress, stand-ins and failures on
// `progress` one line each. A cue that fails (an unreadable image, a file
// that cannot be written) is reported and the others are still done.
ShowTilingResult tileShow(const Playlist& show, const WallConfig& wall, MediaSource& media,
                          const ShowTilingOptions& options, std::ostream& progress);

}  // namespace hw
