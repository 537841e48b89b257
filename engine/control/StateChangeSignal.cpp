#include "engine/control/StateChangeSignal.h"

namespace hw {

void StateChangeSignal::notify() {
  {
    std::lock_guard lock(mutex_);
    ++count_;
  }
  changed_.notify_all();
}

void StateChangeSignal::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool StateChangeSignal::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

std::uint64_t StateChangeSignal::waitPast(std::uint64_t seen,
                                          std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  changed_.wait_until(lock, deadline, [&] { return closed_ || count_ != seen; });
  return count_;
}

std::uint64_t StateChangeSignal::count() const {
  std::lock_guard lock(mutex_);
  return count_;
}

bool StateChangeSignal::tryOpenStream(bool keyed, int limit) {
  std::lock_guard lock(mutex_);
  if (closed_ || openStreams_[keyed] >= limit) return false;
  ++openStreams_[keyed];
  return true;
}

void StateChangeSignal::closeStream(bool keyed) {
  std::lock_guard lock(mutex_);
  --openStreams_[keyed];
}

}  // namespace hw
