#pragma once

#include <SDL.h>

#include <functional>
#include <vector>

#include "engine/render/Clock.h"
#include "engine/render/Player.h"
#include "engine/render/RenderWindow.h"

namespace hw {

// One window and the player that draws into it.
struct Screen {
  RenderWindow* window = nullptr;  // where the frames go
  Player* player = nullptr;        // what draws them, into `window`
};

// Draws and presents frames on every screen until told to stop: paced by
// vsync where a renderer has it, else by waiting for events up to the next
// 1/60 s. Shared by rehearsal and render nodes.
class FrameLoop {
 public:
  // Returns false to stop the loop.
  using EventHandler = std::function<bool(const SDL_Event& event)>;
  // Draws over screen `index`'s frame before it is presented (status lines).
  using Overlay = std::function<void(std::size_t index, const PlayerFrame& frame)>;

  FrameLoop(std::vector<Screen> screens, const Clock& clock)
      : screens_(std::move(screens)), clock_(clock) {}

  // Runs until `onEvent` returns false or a window is closed.
  void run(const EventHandler& onEvent, const Overlay& overlay = {});

 private:
  std::vector<Screen> screens_;
  const Clock& clock_;
};

}  // namespace hw
