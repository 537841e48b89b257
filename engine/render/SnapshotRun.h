#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "engine/render/ManualClock.h"
#include "engine/render/Player.h"
#include "engine/render/RenderWindow.h"
#include "hwshow/Playlist.h"

namespace hw {

struct SnapshotSettings {
  std::filesystem::path folder;  // where cue-NNN.png files are written (created if missing)
  double fps = 30.0;             // frames per second of show time
  long frames = 0;               // frames to draw at most; 0 = until the show ends
};

// "cue-001.png" for the first cue: 1-based like the status line, at least 3 digits.
std::string snapshotFileName(int cue);
// "at-83.500s.png" for the wall 83.5 s into the show.
std::string instantFileName(double seconds);

// Plays a show headless on a ManualClock, one frame every 1/fps seconds of
// show time, and writes what the window shows for each cue once it has
// settled (its crossfade done, or its last frame if the fade lasts the whole
// cue). Stops at the end of the show; the caller gives it a timeline that does
// not loop. Without a frame limit, frames in which nothing moves are skipped.
class SnapshotRun {
 public:
  SnapshotRun(RenderWindow& window, Player& player, ManualClock& clock, const Playlist& playlist,
              SnapshotSettings settings, std::ostream& progress);
  // Returns the files written, in show order.
  std::vector<std::filesystem::path> run();
  // Writes the wall at each of `times` (s of show time, in any order) as it
  // is once every picture of that instant is ready, movie frames included:
  // an author checks one moment of a show. Returns the files, by time.
  std::vector<std::filesystem::path> runAt(std::vector<double> times);

 private:
  RenderWindow& window_;
  Player& player_;
  ManualClock& clock_;
  const Playlist& playlist_;
  SnapshotSettings settings_;
  std::ostream& progress_;
};

}  // namespace hw
