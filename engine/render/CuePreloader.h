#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/render/CueTileSource.h"
#include "engine/render/PreparedCue.h"
#include "engine/render/WindowLayout.h"
#include "hwshow/Playlist.h"

namespace hw {

// Decodes and tiles cues on a worker thread so a cue change never waits on
// disk or decoding. It holds only what was last asked for: memory stays
// bounded by the few cues the player wants, however long the show.
class CuePreloader {
 public:
  // All three must outlive the preloader.
  CuePreloader(CueTileSource& tiles, const WindowLayout& layout, const Playlist& playlist);
  ~CuePreloader();
  CuePreloader(const CuePreloader&) = delete;
  CuePreloader& operator=(const CuePreloader&) = delete;

  // The cues to prepare, most urgent first. Queued or finished cues not in
  // the list are dropped; a cue being prepared is finished.
  void want(const std::vector<int>& cues);
  // Takes the cues prepared since the last call.
  std::vector<PreparedCue> collect();
  // Blocks until `cue` is prepared, if it is queued or in progress. Only for
  // deterministic stepping, where no display is waiting.
  void waitFor(int cue);

 private:
  void work();
  bool pendingLocked(int cue) const;

  CueTileSource& tiles_;
  const WindowLayout& layout_;
  const Playlist& playlist_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<int> queue_;         // cues to prepare, most urgent first
  int preparing_ = -1;             // cue the worker is on; -1 = idle
  std::vector<PreparedCue> done_;  // prepared, not yet collected
  bool stopping_ = false;
  std::thread worker_;  // last member: starts once the rest exists
};

}  // namespace hw
