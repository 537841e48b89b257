#pragma once

#include <string>

#include "hwshow/Playlist.h"

namespace hw {

// The narrow seam between the networked node and whatever puts pixels on its
// display. The node decides what and when, on the master's clock; the
// presenter only prepares and shows. Used by the headless node (tests and
// the sync benchmark: HeadlessPresenter). A windowed node (WindowedNode.h)
// runs the render Player instead, which is not told when: it draws every
// frame from the schedule at the master's time, crossfades included.
class Presenter {
 public:
  virtual ~Presenter() = default;

  // Makes cue `cue` of `playlist` ready to show (decode, tile); may be slow.
  // Media URIs are local cache paths by now, or "asset:<sha256>" for files
  // still being fetched (the presenter shows a placeholder for those).
  virtual void prepare(const Playlist& playlist, int cue) = 0;
  // Shows cue `cue` (-1: the blank screen of a stopped show) on the next
  // frame and returns once that frame is presented.
  virtual void present(int cue) = 0;
  // Replaces whatever is shown by the standby screen with a reason line:
  // a node with no master or no clock never keeps a frozen frame up.
  virtual void standby(const std::string& reason) = 0;
};

}  // namespace hw
