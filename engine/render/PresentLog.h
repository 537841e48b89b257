#pragma once

#include <deque>
#include <mutex>
#include <vector>

namespace hw {

// When each cue change reached the screen: the clock time at which the
// present call returned. Nodes compare these to measure skew across the wall.
struct CuePresentation {
  int cue = -1;              // cue now on screen; -1 = background only
  double presentedAt = 0.0;  // clock s, read right after the present call returned
};

// The most recent cue presentations; written by the frame loop, readable from
// any thread.
class PresentLog {
 public:
  static constexpr std::size_t kCapacity = 1024;  // entries kept; older ones are dropped

  void record(const CuePresentation& entry);
  std::vector<CuePresentation> entries() const;  // oldest first

 private:
  mutable std::mutex mutex_;
  std::deque<CuePresentation> entries_;
};

}  // namespace hw
