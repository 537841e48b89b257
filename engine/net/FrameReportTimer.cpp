#include "engine/net/FrameReportTimer.h"

namespace hw {

bool FrameReportTimer::due(int cue, const std::string& overlay, double now) {
  if (cue != cue_ || overlay != overlay_) {
    cue_ = cue;
    overlay_ = overlay;
    changedAt_ = now;
    changeReported_ = false;
  }
  bool settled = !changeReported_ && now - changedAt_ >= kSettleSeconds;
  if (!settled && now - reportedAt_ < kEverySeconds) return false;
  changeReported_ = changeReported_ || settled;
  reportedAt_ = now;
  return true;
}

}  // namespace hw
