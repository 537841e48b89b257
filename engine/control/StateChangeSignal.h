#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace hw {

// Tells the event-stream threads that the wall changed. A counter rather than
// a queue: a stream that missed three changes sends the newest status once.
class StateChangeSignal {
 public:
  void notify();
  // Wakes every waiter for good; streams end.
  void close();
  bool closed() const;

  // Blocks until the count differs from `seen`, the signal closes, or
  // `deadline` passes; returns the count then.
  std::uint64_t waitPast(std::uint64_t seen, std::chrono::steady_clock::time_point deadline);
  std::uint64_t count() const;

  // Admission for streams, keyed and keyless counted apart: false when
  // `limit` of that kind are open already.
  bool tryOpenStream(bool keyed, int limit);
  void closeStream(bool keyed);

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::uint64_t count_ = 0;
  bool closed_ = false;
  int openStreams_[2] = {0, 0};  // keyless, keyed
};

}  // namespace hw
