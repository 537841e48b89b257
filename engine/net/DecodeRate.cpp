#include "engine/net/DecodeRate.h"

namespace hw {

void DecodeRate::add(double at, int cue, std::int64_t composed) {
  if (cue != cue_ || (!samples_.empty() && composed < samples_.back().composed)) samples_.clear();
  cue_ = cue;
  // The newest sample moves with every call; the others stay kSpacing apart.
  std::size_t count = samples_.size();
  if (count >= 2 && at - samples_[count - 2].at < kSpacing)
    samples_.back() = {at, composed};
  else
    samples_.push_back({at, composed});
  while (samples_.size() > 2 && at - samples_[1].at >= kWindow) samples_.pop_front();
}

double DecodeRate::perSecond() const {
  if (samples_.size() < 2) return 0;
  double span = samples_.back().at - samples_.front().at;
  if (span < kShortest) return 0;
  return static_cast<double>(samples_.back().composed - samples_.front().composed) / span;
}

}  // namespace hw
