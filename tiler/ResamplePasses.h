#pragma once

#include <cstdint>

#include "tiler/ResampleWeights.h"

namespace hw {

// The resampler's two inner loops, in SSE2 on x86-64 (pairs of taps through
// one multiply-add of 16-bit lanes) and plain C++ elsewhere or for an odd
// number of taps. Both round the same way and give identical bytes.

// One RGBA media row -> (x.end - x.begin) output pixels.
void resampleRow(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst);

// Blends `taps` rows of `bytes` bytes with weights w (summing to 1 << kBits).
// `toFrame`: dst is a frame nobody reads soon, so stores may bypass the cache.
void blendRows(const std::uint8_t* const* rows, const std::int16_t* w, int taps, int bytes,
               std::uint8_t* dst, bool toFrame);

}  // namespace hw
