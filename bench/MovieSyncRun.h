#pragma once

#include <filesystem>
#include <string>

namespace hw::bench {

// What `sync_bench --movie` runs on: the sync bench's wall options.
struct MovieSyncSettings {
  int nodes = 9;
  bool netem = false;         // nodes through the netem relay
  int port = 27400;           // master port; HTTP on port + 1
  std::string exe;            // the hyperwall program
  std::filesystem::path dir;  // scratch folder, removed by the caller
};

// Plays a looping movie made on the spot on a master and `nodes` headless
// nodes for `duration` s, restarting one node at a time mid-movie, and
// prints every present's frame against the master's clock with targets and
// PASS/MISS (docs/performance.md, "Sync with movies"). Returns 0 once the
// figures are printed, a miss included; throws when the run cannot be made.
int runMovieSync(const MovieSyncSettings& settings, double duration);

}  // namespace hw::bench
