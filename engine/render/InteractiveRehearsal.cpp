#include "engine/render/InteractiveRehearsal.h"

#include "engine/render/FrameLoop.h"

namespace hw {

InteractiveRehearsal::InteractiveRehearsal(RenderWindow& window, Player& player,
                                           PlaybackSchedule& schedule, const Clock& clock,
                                           const Playlist& playlist, TextPainter& text,
                                           bool statusShown)
    : window_(window),
      player_(player),
      schedule_(schedule),
      clock_(clock),
      playlist_(playlist),
      status_(text, window.size()),
      statusShown_(statusShown) {}

bool InteractiveRehearsal::handle(const RehearsalKeys::Press& press) {
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
      player_.showTestPattern(!player_.showingTestPattern());
      break;
    case RehearsalAction::ToggleFullscreen:
      window_.toggleFullscreen();
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
  FrameLoop(window_, player_, clock_)
      .run(
          [this](const SDL_Event& event) {
            return event.type != SDL_KEYDOWN || handle(keys_.press(event.key.keysym.sym));
          },
          [this](const PlayerFrame& frame) {
            if (statusShown_)
              status_.draw(window_, statusLines(playlist_, frame.position, keys_.typed(),
                                                player_.showingTestPattern()));
          });
}

}  // namespace hw
