#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hw {

// Checks a show source that arrived over the network before the wall touches
// it. Accepts an SVS page id ("31382"), an SVS page URL, an http(s) URL of a
// .hwshow file, or a local path (absolute, or relative to the first show
// folder) that resolves, symlinks and ".." included, inside one of
// `showFolders`. Returns the source to load (local paths made canonical);
// throws CommandRefused: BadRequest for malformed sources, Forbidden for paths
// outside the folders, NotFound for paths that do not exist.
std::string vetShowSource(const std::string& source,
                          const std::vector<std::filesystem::path>& showFolders);

}  // namespace hw
