#include "engine/render/InteractiveRehearsal.h"

namespace hw {

InteractiveRehearsal::InteractiveRehearsal(std::vector<Screen> screens, PlaybackSchedule& schedule,
                                           const Clock& clock, const Playlist& playlist,
                                           TextPainter& text, RectI statusBand, bool statusShown)
    : screens_(std::move(screens)),
      schedule_(schedule),
      clock_(clock),
      playlist_(playlist),
      status_(text, *screens_.front().window),
      statusBand_(statusBand),
      statusShown_(statusShown) {}

bool InteractiveRehearsal::handle(const RehearsalKeys::Press& press, Uint32 windowId) {
  using Kind = PlaybackCommand::Kind;
  double now = clock_.now();
  switch (press.action) {
    case RehearsalAction::None:
      break;
    case RehearsalAction::TogglePause: {
      PlaybackMode mode = schedule_.stateAt(now).mode;
      schedule_.submit({mode == PlaybackMode::Playing ? Kind::Pause : Kind::Play, now});
      break;
    }
    case RehearsalAction::Previous:
      schedule_.submit({Kind::Previous, now});
      break;
    case RehearsalAction::Next:
      schedule_.submit({Kind::Next, now});
      break;
    case RehearsalAction::First:
      schedule_.submit({Kind::GoTo, now, schedule_.timeline().firstPlayable()});
      break;
    case RehearsalAction::GoTo:
      schedule_.submit({Kind::GoTo, now, press.cue});
      break;
    case RehearsalAction::TogglePattern:
      for (const Screen& screen : screens_)
        screen.player->showTestPattern(!screen.player->showingTestPattern());
      break;
    case RehearsalAction::ToggleFullscreen:
      for (const Screen& screen : screens_)
        if (screen.window->id() == windowId) screen.window->toggleFullscreen();
      break;
    case RehearsalAction::ToggleStatus:
      statusShown_ = !statusShown_;
      break;
    case RehearsalAction::Quit:
      return false;
  }
  return true;
}

void InteractiveRehearsal::run() {
  FrameLoop(screens_, clock_)
      .run(
          [this](const SDL_Event& event) {
            return event.type != SDL_KEYDOWN ||
                   handle(keys_.press(event.key.keysym.sym), event.key.windowID);
          },
          [this](std::size_t index, const PlayerFrame& frame) {
            // One status band, on the first window: more would hide the wall.
            if (!statusShown_ || index > 0) return;
            const Screen& screen = screens_[index];
            status_.drawIn(*screen.window,
                           statusLines(playlist_, frame.position, keys_.typed(),
                                       screen.player->showingTestPattern()),
                           statusBand_);
          });
}

}  // namespace hw
