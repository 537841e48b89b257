#pragma once

#include <vector>

#include "engine/render/Clock.h"
#include "engine/render/FrameLoop.h"
#include "engine/render/PlaybackSchedule.h"
#include "engine/render/RehearsalKeys.h"
#include "engine/render/StatusLine.h"
#include "hwshow/Playlist.h"

namespace hw {

// The rehearsal's event loop: keys pressed in any of its windows become
// playback commands at the clock's time; frames are drawn until the author
// quits. One screen for the wall grid, or one per node (`--windows`); the
// status band goes on the first, in `statusBand` (drawing pixels: below the
// wall in the wall grid's window). `screens` must not be empty.
class InteractiveRehearsal {
 public:
  InteractiveRehearsal(std::vector<Screen> screens, PlaybackSchedule& schedule, const Clock& clock,
                       const Playlist& playlist, TextPainter& text, RectI statusBand,
                       bool statusShown);
  // Runs until Esc, q or a window is closed.
  void run();

 private:
  // Returns false when the author asked to quit.
  bool handle(const RehearsalKeys::Press& press, Uint32 windowId);

  std::vector<Screen> screens_;
  PlaybackSchedule& schedule_;
  const Clock& clock_;
  const Playlist& playlist_;
  RehearsalKeys keys_;
  StatusLine status_;  // drawn on the first screen
  RectI statusBand_;   // where on the first screen
  bool statusShown_;   // status bands drawn; toggled with s
};

}  // namespace hw
