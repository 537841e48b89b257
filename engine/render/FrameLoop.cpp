#include "engine/render/FrameLoop.h"

#include <algorithm>
#include <cmath>

namespace hw {
namespace {

// Without vsync, frames are paced to this rate instead of spinning.
constexpr double kFallbackFrameSeconds = 1.0 / 60.0;

bool closes(const SDL_Event& event) {
  return event.type == SDL_QUIT ||
         (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE);
}

}  // namespace

void FrameLoop::run(const EventHandler& onEvent, const Overlay& overlay) {
  bool paced = std::any_of(screens_.begin(), screens_.end(),
                           [](const Screen& screen) { return screen.window->vsync(); });
  double nextFrame = clock_.now();
  while (true) {
    SDL_Event event;
    int waitMs = paced ? 0 : int(std::lround((nextFrame - clock_.now()) * 1000));
    // Waiting for an event doubles as frame pacing when there is no vsync.
    bool got = waitMs > 0 ? SDL_WaitEventTimeout(&event, waitMs) : SDL_PollEvent(&event);
    for (; got; got = SDL_PollEvent(&event)) {
      if (closes(event) || !onEvent(event)) return;
    }
    // Draw everything first, then present back to back, so the windows change together.
    for (std::size_t i = 0; i < screens_.size(); ++i) {
      PlayerFrame frame = screens_[i].player->draw();
      if (overlay) overlay(i, frame);
    }
    for (const Screen& screen : screens_) screen.player->present();
    nextFrame = std::max(nextFrame + kFallbackFrameSeconds, clock_.now());
  }
}

}  // namespace hw
