#pragma once

#include <memory>
#include <string>

#include "engine/render/RenderWindow.h"

namespace hw {

// A window, or a headless stand-in when a visible one cannot be had.
struct OpenedWindow {
  std::unique_ptr<RenderWindow> window;
  std::string fallbackReason;  // why it is headless although a screen was asked for; "" = as asked
};

// Why no visible window can be opened here: "" when DISPLAY or WAYLAND_DISPLAY names one.
std::string whyNoDisplay();

// Opens `settings`; when it asks for a visible window but no display is named
// (DISPLAY, WAYLAND_DISPLAY) or the window cannot be made, opens a headless
// one instead and says why. Throws only when even headless fails.
OpenedWindow openWindowOrHeadless(WindowSettings settings);

}  // namespace hw
