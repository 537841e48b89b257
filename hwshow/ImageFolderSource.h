#pragma once

#include <string>
#include <vector>

#include "config/WallConfig.h"
#include "hwshow/Playlist.h"

namespace hw {

// True for the file types the tiler decodes: png, jpg, jpeg, bmp, webp (any case).
bool isImageFile(const std::string& path);

// One whole-wall cue per image file directly in `folder`, in natural order
// ("img2" before "img10"). Hidden files and sub-folders are ignored; other
// files are counted in one warning. A folder without images is an InputError.
Playlist loadImageFolder(const std::string& folder, const WallConfig& wall);

// One whole-wall cue per file, in natural order (shell globs sort "img10"
// before "img2"). Every file must exist.
Playlist loadImageFiles(const std::vector<std::string>& files, const WallConfig& wall);

}  // namespace hw
