#include "bench/FootprintGrowth.h"

#include <algorithm>
#include <limits>

namespace hw::bench {

FootprintGrowth FootprintGrowth::of(const std::vector<std::pair<double, double>>& samples,
                                    double bound, double minWindow) {
  FootprintGrowth growth;
  if (samples.size() < 2) return growth;
  double from = samples.front().first, span = samples.back().first - from;
  int windows = std::min(kWindows, static_cast<int>(span / minWindow));
  if (windows < kMinWindows || samples.size() < static_cast<std::size_t>(windows)) return growth;
  growth.windows = windows;
  std::vector<std::pair<double, double>> floors(windows,
                                                {0, std::numeric_limits<double>::infinity()});
  for (int w = 0; w < windows; ++w) floors[w].first = from + span * (w + 0.5) / windows;
  for (const auto& [t, value] : samples) {
    int w = std::min(windows - 1, static_cast<int>((t - from) / span * windows));
    floors[w].second = std::min(floors[w].second, value);
  }
  double n = 0, st = 0, sv = 0, stt = 0, stv = 0;
  for (int w = windows / 2; w < windows; ++w) {
    auto [t, value] = floors[w];
    if (value == std::numeric_limits<double>::infinity()) continue;  // no sample fell in it
    n += 1, st += t, sv += value, stt += t * t, stv += t * value;
  }
  double denominator = n * stt - st * st;
  if (n < 2 || denominator <= 0) return growth;
  double slope = (n * stv - st * sv) / denominator;  // unit per s
  growth.measured = true;
  growth.slopePerHour = slope * 3600;
  growth.rise = slope * span / 2;
  growth.grows = growth.rise > bound;
  return growth;
}

}  // namespace hw::bench
