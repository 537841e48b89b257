#pragma once

#include <string>
#include <vector>

#include "config/InputError.h"
#include "config/WallConfigLoader.h"
#include "hwshow/ShowLoader.h"

namespace hw::test {

inline const std::string kImages = HYPERWALL_SOURCE_DIR "/tests/data/images/";
inline const std::string kSeedPage = HYPERWALL_SOURCE_DIR "/examples/mabl-b/svs-31382-mabl-b.json";
inline const std::string kSeedVis = "https://svs.gsfc.nasa.gov/vis/a030000/a031300/a031382/";

// Loads through the public entry point with an explicit cache folder.
inline Playlist load(const std::vector<std::string>& sources, const std::string& wall = "3x3-1080p",
                     const std::string& cache = "/nonexistent-cache") {
  return loadShow(sources, loadWallConfig(wall), LocalMirror(cache));
}

// The InputError text loading produces, or "no error".
inline std::string loadError(const std::vector<std::string>& sources,
                             const std::string& wall = "3x3-1080p",
                             const std::string& cache = "/nonexistent-cache") {
  try {
    load(sources, wall, cache);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace hw::test
