#include "engine/render/WindowFallback.h"

#include <cstdlib>
#include <stdexcept>

namespace hw {
namespace {

bool named(const char* variable) {
  const char* value = std::getenv(variable);
  return value && *value;
}

}  // namespace

std::string whyNoDisplay() {
  // Without a named display SDL could still grab a console framebuffer (KMSDRM);
  // a rehearsal should never take over the machine's screen by surprise.
  if (named("DISPLAY") || named("WAYLAND_DISPLAY")) return "";
  return "no display (DISPLAY and WAYLAND_DISPLAY are unset)";
}

OpenedWindow openWindowOrHeadless(WindowSettings settings) {
  OpenedWindow opened;
  if (!settings.headless) {
    opened.fallbackReason = whyNoDisplay();
    if (opened.fallbackReason.empty()) {
      try {
        opened.window = std::make_unique<RenderWindow>(settings);
        return opened;
      } catch (const std::runtime_error& e) {
        opened.fallbackReason = e.what();
      }
    }
    settings.headless = true;
    settings.fullscreen = false;
  }
  opened.window = std::make_unique<RenderWindow>(settings);
  return opened;
}

}  // namespace hw
