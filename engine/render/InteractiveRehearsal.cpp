#include "engine/render/InteractiveRehearsal.h"

#include <SDL.h>

#include <algorithm>
#include <cmath>

namespace hw {
namespace {

// Without vsync, frames are paced to this rate instead of spinning.
constexpr double kFallbackFrameSeconds = 1.0 / 60.0;

}  // namespace

InteractiveRehearsal::InteractiveRehearsal(RenderWindow& window, Player& player,
                                           PlaybackSchedule& schedule, const Clock& clock,
                                           const Playlist& playlist, CueTileSource& pattern,
                                           TextPainter& text, bool statusShown)
    : window_(window),
      player_(player),
      schedule_(schedule),
      clock_(clock),
      playlist_(playlist),
      pattern_(pattern),
      status_(text),
      statusShown_(statusShown) {}

bool InteractiveRehearsal::handle(const RehearsalKeys::Press& press) {
  using Kind = PlaybackCommand::Kind;
  double now = clock_.now();
  switch (press.action) {
    case RehearsalAction::None: break;
    case RehearsalAction::TogglePause: {
      PlaybackMode mode = schedule_.stateAt(now).mode;
      schedule_.submit({mode == PlaybackMode::Playing ? Kind::Pause : Kind::Play, now});
      break;
    }
    case RehearsalAction::Previous: schedule_.submit({Kind::Previous, now}); break;
    case RehearsalAction::Next: schedule_.submit({Kind::Next, now}); break;
    case RehearsalAction::First:
      schedule_.submit({Kind::GoTo, now, schedule_.timeline().firstPlayable()});
      break;
    case RehearsalAction::GoTo: schedule_.submit({Kind::GoTo, now, press.cue}); break;
    case RehearsalAction::TogglePattern:
      player_.showTestPattern(player_.showingTestPattern() ? nullptr : &pattern_);
      break;
    case RehearsalAction::ToggleFullscreen: window_.toggleFullscreen(); break;
    case RehearsalAction::ToggleStatus: statusShown_ = !statusShown_; break;
    case RehearsalAction::Quit: return false;
  }
  return true;
}

void InteractiveRehearsal::run() {
  double nextFrame = clock_.now();
  while (true) {
    SDL_Event event;
    int waitMs = window_.vsync() ? 0 : std::max(0, int(std::lround((nextFrame - clock_.now()) * 1000)));
    // Waiting for an event doubles as frame pacing when there is no vsync.
    bool got = waitMs > 0 ? SDL_WaitEventTimeout(&event, waitMs) : SDL_PollEvent(&event);
    for (; got; got = SDL_PollEvent(&event)) {
      if (event.type == SDL_QUIT) return;
      if (event.type == SDL_KEYDOWN && !handle(keys_.press(event.key.keysym.sym))) return;
    }
    PlayerFrame frame = player_.draw();
    if (statusShown_)
      status_.draw(window_, statusLines(playlist_, frame.position, keys_.typed(),
                                        player_.showingTestPattern()));
    player_.present();
    nextFrame = std::max(nextFrame + kFallbackFrameSeconds, clock_.now());
  }
}

}  // namespace hw
