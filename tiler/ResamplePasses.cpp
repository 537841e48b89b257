#include "tiler/ResamplePasses.h"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#define HW_X86 1
#endif

namespace hw {
namespace {

constexpr int kBits = AxisWeights::kBits;
constexpr std::int32_t kHalf = 1 << (kBits - 1);

// Weights k and k+1 (adjacent int16s) as one 32-bit lane.
std::int32_t weightPair(const std::int16_t* w) {
  std::int32_t pair;
  std::memcpy(&pair, w, 4);
  return pair;
}

void resampleRange(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst, int from) {
  const int count = x.end - x.begin, taps = x.taps;
  for (int i = from; i < count; ++i) {
    const std::uint8_t* s = src + x.first[i] * 4;
    const std::int16_t* w = x.weights.data() + static_cast<std::size_t>(i) * taps;
    for (int c = 0; c < 4; ++c) {
      std::int32_t acc = kHalf;
      for (int k = 0; k < taps; ++k) acc += s[4 * k + c] * w[k];
      dst[4 * i + c] = static_cast<std::uint8_t>(acc >> kBits);  // weights >= 0, sum 1
    }
  }
}

void blendRange(const std::uint8_t* const* rows, const std::int16_t* w, int taps, int from, int to,
                std::uint8_t* dst) {
  for (int j = from; j < to; ++j) {
    std::int32_t acc = kHalf;
    for (int k = 0; k < taps; ++k) acc += rows[k][j] * w[k];
    dst[j] = static_cast<std::uint8_t>(acc >> kBits);
  }
}

#if HW_X86

// Media pixels k, k+1 of `s` as r0 r1 g0 g1 b0 b1 a0 a1 in 16-bit lanes.
__m128i pixelPair(const std::uint8_t* s) {
  __m128i both = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(s));
  return _mm_unpacklo_epi8(_mm_unpacklo_epi8(both, _mm_srli_si128(both, 4)), _mm_setzero_si128());
}

// One output pixel: r, g, b, a in 32-bit lanes.
__m128i sumTaps(const std::uint8_t* s, const std::int16_t* w, int taps) {
  __m128i acc = _mm_set1_epi32(kHalf);
  for (int k = 0; k < taps; k += 2)
    acc =
        _mm_add_epi32(acc, _mm_madd_epi16(pixelPair(s + 4 * k), _mm_set1_epi32(weightPair(w + k))));
  return _mm_srai_epi32(acc, kBits);
}

// Two output pixels per step share the packing and one 8-byte store.
void resampleSse2(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst, int from) {
  const int count = x.end - x.begin, taps = x.taps;
  const std::int16_t* w = x.weights.data();
  const int* first = x.first.data();
  int i = from;
  for (; i + 1 < count; i += 2) {
    __m128i a = sumTaps(src + first[i] * 4, w + i * taps, taps);
    __m128i b = sumTaps(src + first[i + 1] * 4, w + (i + 1) * taps, taps);
    __m128i packed = _mm_packs_epi32(a, b);
    _mm_storel_epi64(reinterpret_cast<__m128i*>(dst + 4 * i), _mm_packus_epi16(packed, packed));
  }
  resampleRange(src, x, dst, i);
}

// Bytes before the first `alignment`-aligned address, when streaming.
int head(const std::uint8_t* dst, int bytes, bool stream, int alignment) {
  if (!stream) return 0;
  auto offset = static_cast<int>(reinterpret_cast<std::uintptr_t>(dst) % alignment);
  return std::min(bytes, (alignment - offset) % alignment);
}

void blendSse2(const std::uint8_t* const* rows, const std::int16_t* w, int taps, int bytes,
               std::uint8_t* dst, bool stream) {
  const __m128i zero = _mm_setzero_si128(), half = _mm_set1_epi32(kHalf);
  int j = head(dst, bytes, stream, 16);
  blendRange(rows, w, taps, 0, j, dst);
  for (; j + 16 <= bytes; j += 16) {
    __m128i acc0 = half, acc1 = half, acc2 = half, acc3 = half;
    for (int k = 0; k < taps; k += 2) {
      // An odd last row pairs with itself at weight zero.
      bool single = k + 1 == taps;
      __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(rows[k] + j));
      __m128i b = single ? a : _mm_loadu_si128(reinterpret_cast<const __m128i*>(rows[k + 1] + j));
      __m128i wk = _mm_set1_epi32(single ? static_cast<std::uint16_t>(w[k]) : weightPair(w + k));
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
  blendRange(rows, w, taps, j, bytes, dst);
}

// Output pixels p (low lane) and q (high lane) of a two-tap row: r, g, b, a
// in 32-bit lanes.
__attribute__((target("avx2"), always_inline)) inline __m256i sumTwoPixels(const std::uint8_t* src,
                                                                           const AxisWeights& x,
                                                                           int p, int q) {
  const int* first = x.first.data();
  const std::int16_t* w = x.weights.data();
  __m128i lo = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(src + first[p] * 4));
  __m128i hi = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(src + first[q] * 4));
  __m256i both = _mm256_inserti128_si256(_mm256_castsi128_si256(lo), hi, 1);
  __m256i paired = _mm256_unpacklo_epi8(both, _mm256_srli_si256(both, 4));
  __m256i wide = _mm256_unpacklo_epi8(paired, _mm256_setzero_si256());
  __m256i wk =
      _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_set1_epi32(weightPair(w + 2 * p))),
                              _mm_set1_epi32(weightPair(w + 2 * q)), 1);
  __m256i acc = _mm256_add_epi32(_mm256_set1_epi32(kHalf), _mm256_madd_epi16(wide, wk));
  return _mm256_srai_epi32(acc, kBits);
}

// Two taps (every enlargement), four output pixels per step: i and i+2 in
// one register's two lanes, i+1 and i+3 in another, so one pack orders them.
__attribute__((target("avx2"))) void resampleAvx2(const std::uint8_t* src, const AxisWeights& x,
                                                  std::uint8_t* dst) {
  const int count = x.end - x.begin;
  int i = 0;
  for (; i + 3 < count; i += 4) {
    __m256i packed =
        _mm256_packs_epi32(sumTwoPixels(src, x, i, i + 2), sumTwoPixels(src, x, i + 1, i + 3));
    packed = _mm256_packus_epi16(packed, packed);
    _mm_storel_epi64(reinterpret_cast<__m128i*>(dst + 4 * i), _mm256_castsi256_si128(packed));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(dst + 4 * (i + 2)),
                     _mm256_extracti128_si256(packed, 1));
  }
  resampleSse2(src, x, dst, i);
}

// As blendSse2, 32 bytes per step; the in-lane unpacks and packs cancel out.
__attribute__((target("avx2"))) void blendAvx2(const std::uint8_t* const* rows,
                                               const std::int16_t* w, int taps, int bytes,
                                               std::uint8_t* dst, bool stream) {
  const __m256i zero = _mm256_setzero_si256(), half = _mm256_set1_epi32(kHalf);
  int j = head(dst, bytes, stream, 32);
  blendRange(rows, w, taps, 0, j, dst);
  for (; j + 32 <= bytes; j += 32) {
    __m256i acc0 = half, acc1 = half, acc2 = half, acc3 = half;
    for (int k = 0; k < taps; k += 2) {
      bool single = k + 1 == taps;
      __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(rows[k] + j));
      __m256i b =
          single ? a : _mm256_loadu_si256(reinterpret_cast<const __m256i*>(rows[k + 1] + j));
      __m256i wk = _mm256_set1_epi32(single ? static_cast<std::uint16_t>(w[k]) : weightPair(w + k));
      __m256i lo = _mm256_unpacklo_epi8(a, b), hi = _mm256_unpackhi_epi8(a, b);
      acc0 = _mm256_add_epi32(acc0, _mm256_madd_epi16(_mm256_unpacklo_epi8(lo, zero), wk));
      acc1 = _mm256_add_epi32(acc1, _mm256_madd_epi16(_mm256_unpackhi_epi8(lo, zero), wk));
      acc2 = _mm256_add_epi32(acc2, _mm256_madd_epi16(_mm256_unpacklo_epi8(hi, zero), wk));
      acc3 = _mm256_add_epi32(acc3, _mm256_madd_epi16(_mm256_unpackhi_epi8(hi, zero), wk));
    }
    __m256i low =
        _mm256_packs_epi32(_mm256_srai_epi32(acc0, kBits), _mm256_srai_epi32(acc1, kBits));
    __m256i high =
        _mm256_packs_epi32(_mm256_srai_epi32(acc2, kBits), _mm256_srai_epi32(acc3, kBits));
    __m256i out = _mm256_packus_epi16(low, high);
    if (stream)
      _mm256_stream_si256(reinterpret_cast<__m256i*>(dst + j), out);
    else
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst + j), out);
  }
  if (stream) _mm_sfence();
  blendRange(rows, w, taps, j, bytes, dst);
}

#endif

}  // namespace

SimdLevel bestSimdLevel() {
#if HW_X86
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2 ? SimdLevel::Avx2 : SimdLevel::Sse2;
#else
  return SimdLevel::Plain;
#endif
}

void resampleRow(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst,
                 SimdLevel level) {
#if HW_X86
  // Odd tap counts only happen for media one pixel wide: plain code.
  if (level == SimdLevel::Avx2 && x.taps == 2) return resampleAvx2(src, x, dst);
  if (level != SimdLevel::Plain && x.taps % 2 == 0) return resampleSse2(src, x, dst, 0);
#endif
  resampleRange(src, x, dst, 0);
}

void blendRows(const std::uint8_t* const* rows, const std::int16_t* w, int taps, int bytes,
               std::uint8_t* dst, bool toFrame, SimdLevel level) {
#if HW_X86
  if (level == SimdLevel::Avx2) return blendAvx2(rows, w, taps, bytes, dst, toFrame);
  if (level == SimdLevel::Sse2) return blendSse2(rows, w, taps, bytes, dst, toFrame);
#endif
  blendRange(rows, w, taps, 0, bytes, dst);
}

}  // namespace hw
