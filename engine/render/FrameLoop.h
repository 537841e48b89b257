#pragma once

#include <SDL.h>

#include <functional>

#include "engine/render/Clock.h"
#include "engine/render/Player.h"
#include "engine/render/RenderWindow.h"

namespace hw {

// Draws and presents frames until told to stop: paced by vsync where the
// renderer has it, else by waiting for events up to the next 1/60 s. Shared by
// rehearsal and render nodes.
class FrameLoop {
 public:
  // Returns false to stop the loop.
  using EventHandler = std::function<bool(const SDL_Event& event)>;
  // Draws over the player's frame before it is presented (status lines).
  using Overlay = std::function<void(const PlayerFrame& frame)>;

  FrameLoop(RenderWindow& window, Player& player, const Clock& clock)
      : window_(window), player_(player), clock_(clock) {}

  // Runs until `onEvent` returns false or the window is closed.
  void run(const EventHandler& onEvent, const Overlay& overlay = {});

 private:
  RenderWindow& window_;
  Player& player_;
  const Clock& clock_;
};

}  // namespace hw
