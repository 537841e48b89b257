#pragma once

#include "engine/render/Clock.h"
#include "engine/render/CueTileSource.h"
#include "engine/render/PlaybackSchedule.h"
#include "engine/render/Player.h"
#include "engine/render/RehearsalKeys.h"
#include "engine/render/RenderWindow.h"
#include "engine/render/StatusLine.h"
#include "hwshow/Playlist.h"

namespace hw {

// The rehearsal window's event loop: keys become playback commands at the
// clock's time, frames are drawn until the author quits.
class InteractiveRehearsal {
 public:
  InteractiveRehearsal(RenderWindow& window, Player& player, PlaybackSchedule& schedule,
                       const Clock& clock, const Playlist& playlist, CueTileSource& pattern,
                       TextPainter& text, bool statusShown);
  // Runs until Esc, q or the window is closed.
  void run();

 private:
  // Returns false when the author asked to quit.
  bool handle(const RehearsalKeys::Press& press);

  RenderWindow& window_;
  Player& player_;
  PlaybackSchedule& schedule_;
  const Clock& clock_;
  const Playlist& playlist_;
  CueTileSource& pattern_;
  RehearsalKeys keys_;
  StatusLine status_;
  bool statusShown_;  // status band drawn; toggled with s
};

}  // namespace hw
