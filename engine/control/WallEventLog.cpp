#include "engine/control/WallEventLog.h"

namespace hw {

void WallEventLog::record(double at, std::string clock, std::string text) {
  std::lock_guard lock(mutex_);
  events_.push_back({++last_, at, std::move(clock), std::move(text)});
  if (events_.size() > kKept) events_.pop_front();
}

std::vector<WallEvent> WallEventLog::after(std::uint64_t seq, std::size_t limit) const {
  std::lock_guard lock(mutex_);
  std::vector<WallEvent> found;
  for (const WallEvent& event : events_)
    if (event.seq > seq) found.push_back(event);
  if (found.size() > limit) found.erase(found.begin(), found.end() - static_cast<long>(limit));
  return found;
}

}  // namespace hw
