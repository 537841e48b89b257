#include "engine/render/RehearsalKeys.h"

namespace hw {
namespace {

constexpr std::size_t kMaxDigits = 6;  // more cues than any show has

int digitOf(SDL_Keycode key) {
  if (key >= SDLK_0 && key <= SDLK_9) return key - SDLK_0;
  if (key >= SDLK_KP_1 && key <= SDLK_KP_9) return key - SDLK_KP_1 + 1;
  if (key == SDLK_KP_0) return 0;
  return -1;
}

}  // namespace

RehearsalKeys::Press RehearsalKeys::press(SDL_Keycode key) {
  if (int digit = digitOf(key); digit >= 0) {
    if (digits_.size() < kMaxDigits) digits_ += static_cast<char>('0' + digit);
    return {};
  }
  if (key == SDLK_BACKSPACE) {
    if (!digits_.empty()) digits_.pop_back();
    return {};
  }
  if (key == SDLK_RETURN || key == SDLK_KP_ENTER) {
    if (digits_.empty()) return {};
    int typed = std::stoi(digits_);
    digits_.clear();
    return typed > 0 ? Press{RehearsalAction::GoTo, typed - 1} : Press{};
  }
  digits_.clear();
  switch (key) {
    case SDLK_SPACE:
      return {RehearsalAction::TogglePause};
    case SDLK_LEFT:
    case SDLK_UP:
      return {RehearsalAction::Previous};
    case SDLK_RIGHT:
    case SDLK_DOWN:
      return {RehearsalAction::Next};
    case SDLK_HOME:
      return {RehearsalAction::First};
    case SDLK_t:
      return {RehearsalAction::TogglePattern};
    case SDLK_f:
      return {RehearsalAction::ToggleFullscreen};
    case SDLK_s:
      return {RehearsalAction::ToggleStatus};
    case SDLK_ESCAPE:
    case SDLK_q:
      return {RehearsalAction::Quit};
    default:
      return {};
  }
}

}  // namespace hw
