#include "engine/render/DisplayPower.h"

#include <SDL.h>
#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>

namespace hw {
namespace {

Display* x11(void* display) { return static_cast<Display*>(display); }

}  // namespace

DisplayPower::DisplayPower(Log log) : log_(std::move(log)) {}

DisplayPower::~DisplayPower() {
  set(true);
  if (display_) XCloseDisplay(x11(display_));
}

bool DisplayPower::usable() {
  if (checked_) return display_ != nullptr;
  checked_ = true;
  const char* driver = SDL_GetCurrentVideoDriver();
  std::string name = driver ? driver : "none";
  if (name == "dummy" || name == "offscreen") return false;  // no screen to power
  if (name != "x11") {
    log_("display power: the " + name +
         " video driver has no power control here; a blanked wall shows black, powered");
    return false;
  }
  Display* display = XOpenDisplay(nullptr);
  int event = 0, error = 0;
  if (!display) {
    log_("display power: cannot open the X display; a blanked wall shows black, powered");
    return false;
  }
  if (!DPMSQueryExtension(display, &event, &error) || !DPMSCapable(display)) {
    log_("display power: the X server has no DPMS; a blanked wall shows black, powered");
    XCloseDisplay(display);
    return false;
  }
  CARD16 level = 0;
  BOOL enabled = False;
  DPMSInfo(display, &level, &enabled);
  dpmsWasEnabled_ = enabled;
  display_ = display;
  return true;
}

void DisplayPower::set(bool on) {
  if (on == on_) return;
  on_ = on;
  if (!usable()) return;
  Display* display = x11(display_);
  if (!on) {
    // SDL keeps resetting the screen saver while it is disabled, and a reset
    // wakes the display: let it be while the display is off.
    SDL_EnableScreenSaver();
    DPMSEnable(display);
    DPMSForceLevel(display, DPMSModeOff);
    log_("display power: off (DPMS) while the wall is blanked");
  } else {
    DPMSForceLevel(display, DPMSModeOn);
    if (!dpmsWasEnabled_) DPMSDisable(display);
    SDL_DisableScreenSaver();
    log_("display power: on");
  }
  XFlush(display);
}

}  // namespace hw
