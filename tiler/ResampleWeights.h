#pragma once

#include <cstdint>
#include <vector>

namespace hw {

// One axis of a separable resampling in fixed point: which output pixels the
// media covers and, for each, `taps` weights over consecutive media pixels.
// Output pixel i has its centre at canvas coordinate windowStart + i + 0.5; the
// weights depend only on that canvas coordinate, never on the window, so two
// windows (two displays, or a display and the whole canvas) agree pixel for pixel.
struct AxisWeights {
  static constexpr int kBits = 14;    // a weight of 1 << kBits is 1.0
  int begin = 0;                      // first output px drawn, window px
  int end = 0;                        // one past the last output px drawn, window px
  int mediaLength = 0;                // media px along this axis
  int taps = 0;                       // weights per output px, zero-padded to the widest (even)
  std::vector<int> first;             // per drawn output px: media px of its first tap
  std::vector<std::int16_t> weights;  // taps per drawn output px, each group sums to 1 << kBits

  bool empty() const { return end <= begin; }
};

// One axis of the canvas->media map u = (c - placedStart) * mediaLength / placedLength
// (the same expression as Placement::toMediaX). Output pixels whose centre lies
// in [max(placedStart, clipStart), min(placedEnd, clipEnd)) are drawn.
// Enlarging uses the triangle (bilinear) filter, shrinking averages the exact
// area each output pixel covers; taps past the media edge are dropped and the
// rest renormalised, so edges neither darken nor bleed. Taps come in pairs
// (padded with a zero weight) whenever the media is wide enough, for SIMD.
AxisWeights axisWeights(int windowStart, int windowLength, double placedStart, double placedLength,
                        int mediaLength, double clipStart, double clipEnd);

}  // namespace hw
