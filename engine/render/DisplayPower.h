#pragma once

#include <functional>
#include <string>

namespace hw {

// Powers a node's display down while the wall is blanked and up again
// (docs/schedule.md). Under X11 through the DPMS extension (libXext): SDL has
// no power API. SDL's own drivers without a screen (dummy, offscreen) are
// left alone; anywhere else (no X server, no DPMS, Wayland, KMS) it fails
// soft with one log line and the display just shows black. HDMI-CEC panels
// would need libcec: not done.
class DisplayPower {
 public:
  using Log = std::function<void(const std::string&)>;
  explicit DisplayPower(Log log);
  ~DisplayPower();  // powers the display up again if this powered it down
  DisplayPower(const DisplayPower&) = delete;
  DisplayPower& operator=(const DisplayPower&) = delete;

  // Call every frame with whether the display should be on; acts on changes.
  void set(bool on);

 private:
  // Opens the X display and checks DPMS once; false (logged once) when it cannot.
  bool usable();

  Log log_;
  bool on_ = true;
  bool checked_ = false;
  void* display_ = nullptr;     // X11 Display*, when usable
  bool dpmsWasEnabled_ = true;  // as found, restored on power up
};

}  // namespace hw
