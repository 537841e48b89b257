#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tiler/Image.h"
#include "tiler/Tile.h"

namespace hw {

// How `hyperwall tile` names what it writes (docs/tiler.md, "Tile files"):
// <out>/cue-001/r0c2.png is cue 1's tile for the display at row 0, column 2;
// <out>/cue-001/wall.png is that cue's wall preview.
std::string cueFolderName(int cueNumber);    // 1-based: "cue-001"
std::string tileFileName(const Tile& tile);  // "r<row>c<col>.png"
inline constexpr const char* kWallPreviewFileName = "wall.png";

// Writes every tile and the preview into `folder` (created if needed), PNG
// encoding spread over all cores. Throws std::runtime_error naming a file
// that cannot be written.
void writeTileFiles(const std::vector<Tile>& tiles, const Image& preview,
                    const std::filesystem::path& folder);

}  // namespace hw
