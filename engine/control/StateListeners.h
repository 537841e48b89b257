#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>

namespace hw {

// The listeners a WallController tells about state changes. notify() calls
// copies taken under the lock, so a listener may unsubscribe (or be added)
// while others run and nobody's lock is held during the calls.
class StateListeners {
 public:
  using Listener = std::function<void()>;

  std::uint64_t add(Listener listener) {
    std::lock_guard lock(mutex_);
    listeners_[nextId_] = std::move(listener);
    return nextId_++;
  }

  void remove(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    listeners_.erase(id);
  }

  void notify() {
    std::map<std::uint64_t, Listener> toCall;
    {
      std::lock_guard lock(mutex_);
      toCall = listeners_;
    }
    for (const auto& [id, listener] : toCall) listener();
  }

 private:
  std::mutex mutex_;
  std::map<std::uint64_t, Listener> listeners_;
  std::uint64_t nextId_ = 1;
};

}  // namespace hw
