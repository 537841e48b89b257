#pragma once

#include <utility>
#include <vector>

namespace hw::bench {

// Whether a process's memory or descriptors grow without bound, from samples
// taken through its life. Transient allocations and short-lived connections
// come and go; a leak raises the floor. So the life is cut into equal windows
// (kWindows, fewer when a window would be shorter than `minWindow` s: a pass
// of a looping show, so every window's floor is taken over the same cues),
// each window's minimum is its floor, and a least-squares line is fitted
// through the floors of the second half (after start-up and caches have
// settled). The process grows when that line rises by more than `bound` over
// the second half.
struct FootprintGrowth {
  static constexpr int kWindows = 10;    // at most
  static constexpr int kMinWindows = 4;  // else not measured
  double slopePerHour = 0;  // unit per hour, the fitted floor's slope over the second half
  double rise = 0;          // unit, the fitted floor's rise over the second half
  int windows = 0;          // windows the life was cut into
  bool measured = false;    // false: a life too short for kMinWindows windows
  bool grows = false;       // rise > bound

  // `samples`: (s, value) in time order.
  static FootprintGrowth of(const std::vector<std::pair<double, double>>& samples, double bound,
                            double minWindow);
};

}  // namespace hw::bench
