#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "config/WallConfig.h"
#include "engine/render/CueTilerSource.h"
#include "engine/render/MovieCuePlayback.h"
#include "engine/render/NodeWindowLayout.h"
#include "hwshow/LocalMirror.h"
#include "hwshow/Playlist.h"
#include "tiler/CueTiler.h"
#include "tiler/MediaSource.h"

namespace hw {

// A headless node's movie cue: what a windowed node's Player does for it
// (MovieCuePlayback decoding ahead, the tiler cutting this node's display
// out of each frame) with everything but the window, so tests and
// benchmarks of headless nodes measure the real work.
class HeadlessMovie {
 public:
  // `cue` of `show` must have a movie; its media URIs are local paths by now.
  HeadlessMovie(std::shared_ptr<const Playlist> show, int cue, const WallConfig& wall,
                const NodeConfig& node);

  int cue() const { return cue_; }
  const Playlist* show() const { return show_.get(); }

  // Shows the frame of the interval `elapsed` s into the cue once it is
  // decoded (`paused`: the wall stays on it); true when the picture changed.
  bool showAt(double elapsed, bool paused);
  // Whether the picture shown is the one for `elapsed` s into the cue.
  bool current(double elapsed) const;
  // s into the cue at which the frame after the one at `elapsed` begins.
  double nextFrameAt(double elapsed) const;
  // s into the cue at which the frame at `elapsed` begins.
  double frameStartAt(double elapsed) const;

  // The node's framebuffer as last shown; null before the first frame.
  std::shared_ptr<const Image> picture() const { return picture_; }
  // Frame of the cue's first movie in picture() (0-based; -1: none yet).
  std::int64_t frame() const { return playback_.stats().frame; }
  std::string error() const { return playback_.error(); }
  MovieStats stats() const { return playback_.stats(); }

 private:
  std::shared_ptr<const Playlist> show_;
  const int cue_;
  NodeWindowLayout layout_;
  MediaSource media_;
  CueTiler tiler_;
  CueTilerSource tiles_;
  LocalMirror mirror_;
  MovieCuePlayback playback_;  // after what it uses
  std::shared_ptr<const Image> picture_;
};

}  // namespace hw
