#include "engine/render/FrameLoop.h"

#include <algorithm>
#include <cmath>

namespace hw {
namespace {

// Without vsync, frames are paced to this rate instead of spinning.
constexpr double kFallbackFrameSeconds = 1.0 / 60.0;

}  // namespace

void FrameLoop::run(const EventHandler& onEvent, const Overlay& overlay) {
  double nextFrame = clock_.now();
  while (true) {
    SDL_Event event;
    int waitMs = window_.vsync() ? 0 : int(std::lround((nextFrame - clock_.now()) * 1000));
    // Waiting for an event doubles as frame pacing when there is no vsync.
    bool got = waitMs > 0 ? SDL_WaitEventTimeout(&event, waitMs) : SDL_PollEvent(&event);
    for (; got; got = SDL_PollEvent(&event)) {
      if (event.type == SDL_QUIT || !onEvent(event)) return;
    }
    PlayerFrame frame = player_.draw();
    if (overlay) overlay(frame);
    player_.present();
    nextFrame = std::max(nextFrame + kFallbackFrameSeconds, clock_.now());
  }
}

}  // namespace hw
