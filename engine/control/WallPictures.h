#pragma once

#include <map>
#include <mutex>
#include <string>

#include "config/WallConfig.h"
#include "hwshow/LocalMirror.h"
#include "hwshow/Playlist.h"
#include "tiler/MediaSource.h"
#include "tiler/TextPainter.h"

namespace hw {

// PNG pictures of the whole wall for remotes, drawn by the tiler as the nodes
// draw their tiles and composed by WallPreview (bezels, dead panels crossed
// out). Pictures are kept by what they show, so a phone polling the same cue
// costs one tiling. Thread-safe; one picture is drawn at a time.
class WallPictures {
 public:
  explicit WallPictures(WallConfig wall);

  // The wall showing `cue` (nullptr: nothing playing, black; a movie as its
  // still, movieStill, or the background when it does not decode), the test
  // pattern, or black when blanked; at most maxSize pixels across or down.
  // `showGeneration` tells shows apart in the kept pictures.
  std::string wallPng(int showGeneration, int cueIndex, const Cue* cue, bool testPattern,
                      bool blank, int maxSize);

 private:
  std::string draw(const Cue* cue, bool testPattern, bool blank, int maxSize);

  static constexpr std::size_t kKeptPictures = 64;  // pictures, about 100 KB each

  const WallConfig wall_;
  std::mutex mutex_;  // guards everything below
  MediaSource media_;
  // Local copies of movies named by URL.
  const LocalMirror mirror_ = LocalMirror::fromEnvironment();
  TextPainter text_;
  std::map<std::string, std::string> kept_;  // what it shows -> PNG bytes
};

}  // namespace hw
