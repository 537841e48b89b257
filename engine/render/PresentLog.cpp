#include "engine/render/PresentLog.h"

namespace hw {

void PresentLog::record(const CuePresentation& entry) {
  std::lock_guard lock(mutex_);
  entries_.push_back(entry);
  if (entries_.size() > kCapacity) entries_.pop_front();
}

std::vector<CuePresentation> PresentLog::entries() const {
  std::lock_guard lock(mutex_);
  return {entries_.begin(), entries_.end()};
}

}  // namespace hw
