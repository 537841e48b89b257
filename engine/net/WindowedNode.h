#pragma once

#include <atomic>

#include "engine/net/NodeSettings.h"

namespace hw {

struct WindowSeat {
  bool windowed = false;  // true: a window of the display's size; false: fullscreen
  int display = 0;        // SDL display index the window opens on
};

// A render node with a real SDL window: the render Player draws this node's
// tile of the current cue (CueTiler through CueTilerSource) on every frame at
// the master's time (the node's clock through its estimate), so cue changes
// and crossfades follow the shared cue start times; the standby screen with
// its reason while not connected or not synced. Presents are reported to the
// master. Returns an exit status when the master refuses the node, the
// window is closed or `stopRequested` becomes true.
int runWindowedNode(const NodeSettings& settings, const WindowSeat& seat,
                    const std::atomic<bool>& stopRequested);

}  // namespace hw
