#pragma once

namespace hw {

// The wall's time base. The host's monotonic clock (never steps) shifted to
// read like the realtime clock at start: a restarted master therefore carries
// on from the same time line as before, and persisted cue times stay valid.
class MasterClock {
 public:
  MasterClock();
  double now() const;
  // s, realtime minus monotonic at start: lets a node on the same host know
  // the truth of its simulated clock error (diagnostics only).
  double epoch() const { return epoch_; }
  // This host's realtime (Unix s) at master time `masterTime`: for telling an
  // operator when something happens in the local time of day.
  double realtimeAt(double masterTime) const;

 private:
  double epoch_;
};

}  // namespace hw
