#pragma once

#include <cstdint>

#include "tiler/ResampleWeights.h"

namespace hw {

// The resampler's two inner loops in three instruction sets: AVX2 where the
// CPU has it, SSE2 (every x86-64), plain C++ elsewhere. Pairs of taps go
// through one 16-bit multiply-add; all levels round the same way and give
// identical bytes, so mixing machines on one wall stays seamless.
enum class SimdLevel { Plain, Sse2, Avx2 };

// The best level this CPU runs.
SimdLevel bestSimdLevel();

// One RGBA media row -> (x.end - x.begin) output pixels.
void resampleRow(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst,
                 SimdLevel level = bestSimdLevel());

// Blends `taps` rows of `bytes` bytes with weights w (summing to 1 << kBits).
// `toFrame`: dst is a frame nobody reads soon, so stores may bypass the cache.
void blendRows(const std::uint8_t* const* rows, const std::int16_t* w, int taps, int bytes,
               std::uint8_t* dst, bool toFrame, SimdLevel level = bestSimdLevel());

}  // namespace hw
