#include "tiler/ResampleWeights.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace hw {
namespace {

using Taps = std::vector<std::pair<int, double>>;  // (media px, weight)

// Bilinear: the two media pixels whose centres bracket u; clamped at the edges.
void triangleTaps(double u, int mediaLength, Taps& taps) {
  double t = u - 0.5;
  double j0 = std::floor(t);
  double f = t - j0;
  int a = std::clamp(static_cast<int>(j0), 0, mediaLength - 1);
  int b = std::clamp(static_cast<int>(j0) + 1, 0, mediaLength - 1);
  if (a == b) {
    taps.emplace_back(a, 1.0);
  } else {
    taps.emplace_back(a, 1.0 - f);
    taps.emplace_back(b, f);
  }
}

// Area: each media pixel weighs by how much of the output pixel's footprint
// [u - r, u + r] it covers.
void areaTaps(double u, double radius, int mediaLength, Taps& taps) {
  std::size_t before = taps.size();
  double lo = std::max(0.0, u - radius);
  double hi = std::min(static_cast<double>(mediaLength), u + radius);
  int j0 = std::clamp(static_cast<int>(std::floor(lo)), 0, mediaLength - 1);
  int j1 = std::clamp(static_cast<int>(std::ceil(hi)), j0 + 1, mediaLength);
  for (int j = j0; j < j1; ++j) {
    double cover = std::min(hi, j + 1.0) - std::max(lo, static_cast<double>(j));
    if (cover > 0) taps.emplace_back(j, cover);
  }
  if (taps.size() == before) taps.emplace_back(j0, 1.0);
}

}  // namespace

AxisWeights axisWeights(int windowStart, int windowLength, double placedStart, double placedLength,
                        int mediaLength, double clipStart, double clipEnd) {
  AxisWeights axis;
  axis.mediaLength = mediaLength;
  if (windowLength <= 0 || mediaLength <= 0 || placedLength <= 0) return axis;
  double lo = std::max(placedStart, clipStart);
  double hi = std::min(placedStart + placedLength, clipEnd);
  auto centre = [&](int i) { return static_cast<double>(std::int64_t{windowStart} + i) + 0.5; };
  int begin = 0;
  while (begin < windowLength && centre(begin) < lo) ++begin;
  int end = begin;
  while (end < windowLength && centre(end) < hi) ++end;
  axis.begin = begin;
  axis.end = end;
  if (end <= begin) return axis;

  double scale = placedLength / mediaLength;  // output px per media px
  double radius = 0.5 / scale;                // half the footprint, media px, when shrinking
  Taps taps;                                  // every output px's taps, one after another
  std::vector<std::size_t> starts;            // where each output px's taps start in `taps`
  for (int i = begin; i < end; ++i) {
    starts.push_back(taps.size());
    double u = (centre(i) - placedStart) * mediaLength / placedLength;
    if (scale >= 1.0)
      triangleTaps(u, mediaLength, taps);
    else
      areaTaps(u, radius, mediaLength, taps);
    axis.taps = std::max(axis.taps, static_cast<int>(taps.size() - starts.back()));
  }
  starts.push_back(taps.size());
  if (axis.taps % 2 == 1 && axis.taps < mediaLength) ++axis.taps;

  constexpr std::int32_t kOne = 1 << AxisWeights::kBits;
  std::size_t count = starts.size() - 1;
  axis.first.resize(count);
  axis.weights.assign(count * axis.taps, 0);
  for (std::size_t i = 0; i < count; ++i) {
    auto from = taps.begin() + starts[i], to = taps.begin() + starts[i + 1];
    // Pad on the right, or on the left at the media's far edge, so every tap stays inside.
    int first = std::min(from->first, mediaLength - axis.taps);
    axis.first[i] = first;
    double total = 0;
    for (auto it = from; it != to; ++it) total += it->second;
    std::int16_t* out = axis.weights.data() + i * axis.taps;
    std::int32_t sum = 0;
    int largest = from->first - first;
    for (auto it = from; it != to; ++it) {
      auto fixed = static_cast<std::int16_t>(std::lround(it->second / total * kOne));
      out[it->first - first] = fixed;
      sum += fixed;
      if (fixed > out[largest]) largest = it->first - first;
    }
    out[largest] = static_cast<std::int16_t>(out[largest] + kOne - sum);  // a flat image stays flat
  }
  return axis;
}

}  // namespace hw
