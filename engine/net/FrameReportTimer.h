#pragma once

#include <string>

namespace hw {

// When a windowed node reads back its frame for a report: kSettleSeconds
// after the cue or overlay on its display changed (past the first frames of
// a crossfade), and every kEverySeconds otherwise (movies, late files).
// Reading back costs the render thread a GPU round trip; this keeps it rare.
class FrameReportTimer {
 public:
  static constexpr double kSettleSeconds = 0.4;  // s after a change
  static constexpr double kEverySeconds = 2.0;   // s between reports otherwise

  // True when the frame drawn now, showing `cue` under `overlay` at host
  // time `now` (s), should be reported; counts it as reported.
  bool due(int cue, const std::string& overlay, double now);

 private:
  int cue_ = -2;             // what the display showed at the last call (-2: nothing yet)
  std::string overlay_;
  double changedAt_ = 0;     // host s of the last change seen
  bool changeReported_ = true;
  double reportedAt_ = -1e9; // host s of the last report
};

}  // namespace hw
