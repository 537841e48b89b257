#include "tiler/ResamplePasses.h"

#include <algorithm>
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

// Weights k and k+1 (adjacent int16s) repeated across the register: (w0, w1) x 4.
__m128i weightPair(const std::int16_t* w) {
  std::int32_t pair;
  std::memcpy(&pair, w, 4);
  return _mm_set1_epi32(pair);
}

// Weighted sum of media pixels s[0 .. taps-1] in 32-bit lanes r, g, b, a.
template <int Taps>
__m128i sumTaps(const std::uint8_t* s, const std::int16_t* w, int taps) {
  const __m128i zero = _mm_setzero_si128();
  __m128i acc = _mm_set1_epi32(kHalf);
  const int n = Taps > 0 ? Taps : taps;
  for (int k = 0; k < n; k += 2) {
    // Pixels k, k+1 as r0 r1 g0 g1 b0 b1 a0 a1 in 16-bit lanes.
    __m128i both = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(s + 4 * k));
    __m128i paired = _mm_unpacklo_epi8(both, _mm_srli_si128(both, 4));
    acc = _mm_add_epi32(acc, _mm_madd_epi16(_mm_unpacklo_epi8(paired, zero), weightPair(w + k)));
  }
  return _mm_srai_epi32(acc, kBits);
}

// Two output pixels per step share the packing and one 8-byte store.
template <int Taps>
void resampleRowSse2(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst) {
  const int count = x.end - x.begin, taps = x.taps;
  const std::int16_t* w = x.weights.data();
  const int* first = x.first.data();
  int i = 0;
  for (; i + 1 < count; i += 2, w += 2 * taps) {
    __m128i a = sumTaps<Taps>(src + first[i] * 4, w, taps);
    __m128i b = sumTaps<Taps>(src + first[i + 1] * 4, w + taps, taps);
    __m128i packed = _mm_packs_epi32(a, b);
    _mm_storel_epi64(reinterpret_cast<__m128i*>(dst + 4 * i), _mm_packus_epi16(packed, packed));
  }
  if (i < count) {
    __m128i a = sumTaps<Taps>(src + first[i] * 4, w, taps);
    a = _mm_packs_epi32(a, a);
    std::int32_t pixel = _mm_cvtsi128_si32(_mm_packus_epi16(a, a));
    std::memcpy(dst + 4 * i, &pixel, 4);
  }
}

void blendRowsSse2(const std::uint8_t* const* rows, const std::int16_t* w, int taps, int bytes,
                   std::uint8_t* dst, bool stream) {
  const __m128i zero = _mm_setzero_si128(), half = _mm_set1_epi32(kHalf);
  // Up to a 16-byte boundary the plain way, so stores can bypass the cache.
  int j = stream ? static_cast<int>((16 - reinterpret_cast<std::uintptr_t>(dst) % 16) % 16) : 0;
  j = std::min(j, bytes);
  blendRowsPlain(rows, w, taps, 0, j, dst);
  for (; j + 16 <= bytes; j += 16) {
    __m128i acc0 = half, acc1 = half, acc2 = half, acc3 = half;
    for (int k = 0; k < taps; k += 2) {
      // An odd last row pairs with itself at weight zero.
      bool single = k + 1 == taps;
      __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(rows[k] + j));
      __m128i b = single ? a : _mm_loadu_si128(reinterpret_cast<const __m128i*>(rows[k + 1] + j));
      const std::int16_t lastPair[2] = {w[k], 0};
      __m128i wk = weightPair(single ? lastPair : w + k);
      __m128i lo = _mm_unpacklo_epi8(a, b), hi = _mm_unpackhi_epi8(a, b);
      acc0 = _mm_add_epi32(acc0, _mm_madd_epi16(_mm_unpacklo_epi8(lo, zero), wk));
      acc1 = _mm_add_epi32(acc1, _mm_madd_epi16(_mm_unpackhi_epi8(lo, zero), wk));
      acc2 = _mm_add_epi32(acc2, _mm_madd_epi16(_mm_unpacklo_epi8(hi, zero), wk));
      acc3 = _mm_add_epi32(acc3, _mm_madd_epi16(_mm_unpackhi_epi8(hi, zero), wk));
    }
    __m128i low = _mm_packs_epi32(_mm_srai_epi32(acc0, kBits), _mm_srai_epi32(acc1, kBits));
    __m128i high = _mm_packs_epi32(_mm_srai_epi32(acc2, kBits), _mm_srai_epi32(acc3, kBits));
    __m128i out = _mm_packus_epi16(low, high);
    if (stream)
      _mm_stream_si128(reinterpret_cast<__m128i*>(dst + j), out);
    else
      _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + j), out);
  }
  if (stream) _mm_sfence();  // streamed stores are visible before anyone reads the frame
  blendRowsPlain(rows, w, taps, j, bytes, dst);
}

#endif

}  // namespace

void resampleRow(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst) {
#if defined(__SSE2__)
  if (x.taps == 2) return resampleRowSse2<2>(src, x, dst);  // every enlargement
  if (x.taps % 2 == 0) return resampleRowSse2<0>(src, x, dst);
#endif
  resampleRowPlain(src, x, dst);
}

void blendRows(const std::uint8_t* const* rows, const std::int16_t* w, int taps, int bytes,
               std::uint8_t* dst, bool toFrame) {
#if defined(__SSE2__)
  return blendRowsSse2(rows, w, taps, bytes, dst, toFrame);
#else
  blendRowsPlain(rows, w, taps, 0, bytes, dst);
#endif
}

}  // namespace hw
