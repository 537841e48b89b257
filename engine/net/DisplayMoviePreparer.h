#pragma once

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "config/WallConfig.h"
#include "engine/control/WallStatus.h"
#include "hwshow/LocalMirror.h"
#include "hwshow/Playlist.h"

namespace hw {

// Whether a node should not decode `cue`'s movie whole: the cue shows one
// movie (and nothing else) whose pixel rate is above the wall's per-node
// budget (WallConfig::nodeDecodeMpxPerSecond). Pure.
bool wantsDisplayMovies(const Cue& cue, const WallConfig& wall);

// The cache folder name of `cue` cut for `wall` from a source whose content
// has digest `sourceSha256`: whatever changes a display's picture (the
// source, the wall's geometry, the cue's layout and background) changes it.
std::string displayMoviesKey(const Cue& cue, const WallConfig& wall,
                             const std::string& sourceSha256);

// The master's per-display movies (docs/architecture.md, "Per-display
// movies"): for every cue of a show a node could not decode in real time, the
// movies each display plays instead, cut from the source by the tiler and
// cached under `cacheDir` by source digest, wall geometry and cue layout.
// Preparation runs on a worker thread, one cue at a time; until a cue's
// movies are ready it is skipped with that reason, never shown half-made.
class DisplayMoviePreparer {
 public:
  // `ready` runs on the worker each time a cue's movies are finished: the
  // caller re-serves the show as prepared() gives it.
  DisplayMoviePreparer(WallConfig wall, std::filesystem::path cacheDir, LocalMirror mirror,
                       std::function<void()> ready);
  ~DisplayMoviePreparer();
  DisplayMoviePreparer(const DisplayMoviePreparer&) = delete;
  DisplayMoviePreparer& operator=(const DisplayMoviePreparer&) = delete;

  // Takes `show` as the one on the wall (waiting preparations of the last
  // one are dropped) and returns it as prepared(): reads and hashes the movie
  // files, so call it where a load may take time.
  Playlist adopt(const Playlist& show);
  // The show adopted last: cues whose movies are ready play them
  // (Cue::displayMovies), cues whose movies are not are skipped saying why.
  Playlist prepared() const;
  // Preparations of the show adopted last not yet finished, and failed ones.
  std::vector<MoviePreparation> jobs() const;
  // Blocks until no preparation waits or runs (or the preparer stops).
  void waitWhileBusy() const;
  // Cancels the preparation running and waits for the worker: `ready` is
  // not called after this returns. The destructor stops too.
  void stop();

 private:
  struct Work {
    int cue = -1;
    std::string key;    // cache folder name
    Cue cut;            // the cue with its movie's local file
    std::string movie;  // file name, for status and logs
    bool failed = false;
    std::string error;
    long long framesDone = 0, framesTotal = 0;
  };
  Playlist prepare(const Playlist& show) const;  // under mutex_
  void work();

  const WallConfig wall_;
  const std::filesystem::path cacheDir_;
  const LocalMirror mirror_;
  const std::function<void()> ready_;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  Playlist adopted_;                   // the show as loaded
  std::vector<std::string> keyOfCue_;  // per cue of adopted_: cache key, "" = plays its source
  std::deque<Work> queue_;             // the front one runs
  std::vector<Work> failed_;
  bool running_ = false;  // the front of queue_ is being cut
  bool stopping_ = false;
  std::thread worker_;  // last member: starts once the rest exists
};

}  // namespace hw
