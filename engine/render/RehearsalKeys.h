#pragma once

#include <SDL_keycode.h>

#include <string>

namespace hw {

// What a key pressed in the rehearsal window asks for.
enum class RehearsalAction {
  None,              // nothing (yet): a digit being typed, an unused key
  TogglePause,       // space
  Previous,          // left or up arrow
  Next,              // right or down arrow
  First,             // Home
  GoTo,              // digits then Enter; the cue is in RehearsalKeys::Press::cue
  TogglePattern,     // t
  ToggleFullscreen,  // f
  ToggleStatus,      // s
  Quit,              // Esc or q
};

// Turns key presses into rehearsal actions, collecting digits typed before
// Enter into a cue number. Knows nothing about the show.
class RehearsalKeys {
 public:
  struct Press {
    RehearsalAction action = RehearsalAction::None;  // what the key asks for
    int cue = -1;  // 0-based cue for GoTo (typed 1-based, as the status line counts)
  };

  Press press(SDL_Keycode key);
  // Digits typed so far, shown in the status line until Enter.
  const std::string& typed() const { return digits_; }

 private:
  std::string digits_;
};

}  // namespace hw
