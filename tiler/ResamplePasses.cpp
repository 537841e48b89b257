#include "tiler/ResamplePasses.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hw {
namespace {

constexpr int kBits = AxisWeights::kBits;
constexpr std::int32_t kHalf = 1 << (kBits - 1);

void resampleRowPlain(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst) {
  const int count = x.end - x.begin, taps = x.taps;
  const std::int16_t* w = x.weights.data();
  for (int i = 0; i < count; ++i, w += taps, dst += 4) {
    const std::uint8_t* s = src + x.first[i] * 4;
    for (int c = 0; c < 4; ++c) {
      std::int32_t acc = kHalf;
      for (int k = 0; k < taps; ++k) acc += s[4 * k + c] * w[k];
      dst[c] = static_cast<std::uint8_t>(acc >> kBits);  // weights >= 0, sum 1: no clamp
    }
  }
}

void blendRowsPlain(const std::uint8_t* const* rows, const std::int16_t* w, int taps, int from,
                    int bytes, std::uint8_t* dst) {
  for (int j = from; j < bytes; ++j) {
    std::int32_t acc = kHalf;
    for (int k = 0; k < taps; ++k) acc += rows[k][j] * w[k];
    dst[j] = static_cast<std::uint8_t>(acc >> kBits);
  }
}

#if defined(__SSE2__)

// Two 16-bit weights repeated across the register: (w0, w1) x 4.
__m128i weightPair(std::int16_t w0, std::int16_t w1) {
  return _mm_set1_epi32(static_cast<std::int32_t>(static_cast<std::uint16_t>(w0)) |
                        static_cast<std::int32_t>(static_cast<std::uint16_t>(w1)) << 16);
}

void resampleRowSse2(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst) {
  const int count = x.end - x.begin, taps = x.taps;
  const std::int16_t* w = x.weights.data();
  const __m128i zero = _mm_setzero_si128(), half = _mm_set1_epi32(kHalf);
  for (int i = 0; i < count; ++i, w += taps) {
    const std::uint8_t* s = src + x.first[i] * 4;
    __m128i acc = half;
    for (int k = 0; k < taps; k += 2) {
      // Pixels k, k+1 as r0 r1 g0 g1 b0 b1 a0 a1 in 16-bit lanes.
      __m128i both = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(s + 4 * k));
      __m128i paired = _mm_unpacklo_epi8(both, _mm_srli_si128(both, 4));
      __m128i wide = _mm_unpacklo_epi8(paired, zero);
      acc = _mm_add_epi32(acc, _mm_madd_epi16(wide, weightPair(w[k], w[k + 1])));
    }
    acc = _mm_srai_epi32(acc, kBits);
    acc = _mm_packs_epi32(acc, acc);
    acc = _mm_packus_epi16(acc, acc);
    std::int32_t pixel = _mm_cvtsi128_si32(acc);
    std::memcpy(dst + 4 * i, &pixel, 4);
  }
}

void blendRowsSse2(const std::uint8_t* const* rows, const std::int16_t* w, int taps, int bytes,
                   std::uint8_t* dst) {
  const __m128i zero = _mm_setzero_si128(), half = _mm_set1_epi32(kHalf);
  int j = 0;
  for (; j + 16 <= bytes; j += 16) {
    __m128i acc0 = half, acc1 = half, acc2 = half, acc3 = half;
    for (int k = 0; k < taps; k += 2) {
      // An odd last row pairs with itself at weight zero.
      bool single = k + 1 == taps;
      __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(rows[k] + j));
      __m128i b = single ? a : _mm_loadu_si128(reinterpret_cast<const __m128i*>(rows[k + 1] + j));
      __m128i wk = weightPair(w[k], single ? std::int16_t{0} : w[k + 1]);
      __m128i lo = _mm_unpacklo_epi8(a, b), hi = _mm_unpackhi_epi8(a, b);
      acc0 = _mm_add_epi32(acc0, _mm_madd_epi16(_mm_unpacklo_epi8(lo, zero), wk));
      acc1 = _mm_add_epi32(acc1, _mm_madd_epi16(_mm_unpackhi_epi8(lo, zero), wk));
      acc2 = _mm_add_epi32(acc2, _mm_madd_epi16(_mm_unpacklo_epi8(hi, zero), wk));
      acc3 = _mm_add_epi32(acc3, _mm_madd_epi16(_mm_unpackhi_epi8(hi, zero), wk));
    }
    __m128i low = _mm_packs_epi32(_mm_srai_epi32(acc0, kBits), _mm_srai_epi32(acc1, kBits));
    __m128i high = _mm_packs_epi32(_mm_srai_epi32(acc2, kBits), _mm_srai_epi32(acc3, kBits));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + j), _mm_packus_epi16(low, high));
  }
  blendRowsPlain(rows, w, taps, j, bytes, dst);
}

#endif

}  // namespace

void resampleRow(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst) {
#if defined(__SSE2__)
  if (x.taps % 2 == 0) return resampleRowSse2(src, x, dst);
#endif
  resampleRowPlain(src, x, dst);
}

void blendRows(const std::uint8_t* const* rows, const std::int16_t* w, int taps, int bytes,
               std::uint8_t* dst) {
#if defined(__SSE2__)
  return blendRowsSse2(rows, w, taps, bytes, dst);
#else
  blendRowsPlain(rows, w, taps, 0, bytes, dst);
#endif
}

}  // namespace hw
