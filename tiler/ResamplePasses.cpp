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

void resampleRange(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst, int from,
                   int to) {
  const int taps = x.taps;
  for (int i = from; i < to; ++i) {
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
void resampleSse2(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst, int from,
                  int to) {
  const int taps = x.taps;
  const std::int16_t* w = x.weights.data();
  const int* first = x.first.data();
  int i = from;
  for (; i + 1 < to; i += 2) {
    __m128i a = sumTaps(src + first[i] * 4, w + i * taps, taps);
    __m128i b = sumTaps(src + first[i + 1] * 4, w + (i + 1) * taps, taps);
    __m128i packed = _mm_packs_epi32(a, b);
    _mm_storel_epi64(reinterpret_cast<__m128i*>(dst + 4 * i), _mm_packus_epi16(packed, packed));
  }
  resampleRange(src, x, dst, i, to);
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

// Two taps (every enlargement), four output pixels per step. Their taps lie
// within 8 consecutive media pixels: one 32-byte load, then one permute picks
// each output's pair and a byte shuffle interleaves the pair's channels for
// the multiply-add. Groups spread wider (or at the row's end) go through SSE2.
__attribute__((target("avx2"))) void resampleAvx2(const std::uint8_t* src, const AxisWeights& x,
                                                  std::uint8_t* dst) {
  const int count = x.end - x.begin;
  const int* first = x.first.data();
  const std::int16_t* w = x.weights.data();
  const __m256i zero = _mm256_setzero_si256(), half = _mm256_set1_epi32(kHalf);
  const __m256i interleave = _mm256_setr_epi8(0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 11, 15,
                                              0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 11, 15);
  const __m256i evenWeights = _mm256_setr_epi32(0, 0, 0, 0, 2, 2, 2, 2);
  const __m256i oddWeights = _mm256_setr_epi32(1, 1, 1, 1, 3, 3, 3, 3);
  const __m128i one = _mm_set1_epi32(1);
  for (int i = 0; i < count; i += 4) {
    int f0 = first[i];
    if (i + 4 > count || f0 + 8 > x.mediaLength || first[i + 3] - f0 > 6) {
      resampleSse2(src, x, dst, i, std::min(count, i + 4));
      continue;
    }
    __m256i pixels = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + f0 * 4));
    __m128i offsets = _mm_sub_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(first + i)),
                                    _mm_set1_epi32(f0));
    __m128i next = _mm_add_epi32(offsets, one);
    __m256i index =
        _mm256_inserti128_si256(_mm256_castsi128_si256(_mm_unpacklo_epi32(offsets, next)),
                                _mm_unpackhi_epi32(offsets, next), 1);
    // Lane 0: outputs i, i+1; lane 1: i+2, i+3; each as r0 r1 g0 g1 b0 b1 a0 a1.
    __m256i pairs = _mm256_shuffle_epi8(_mm256_permutevar8x32_epi32(pixels, index), interleave);
    __m256i weights =
        _mm256_castsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 2 * i)));
    __m256i even = _mm256_madd_epi16(_mm256_unpacklo_epi8(pairs, zero),
                                     _mm256_permutevar8x32_epi32(weights, evenWeights));
    __m256i odd = _mm256_madd_epi16(_mm256_unpackhi_epi8(pairs, zero),
                                    _mm256_permutevar8x32_epi32(weights, oddWeights));
    even = _mm256_srai_epi32(_mm256_add_epi32(even, half), kBits);  // outputs i | i+2
    odd = _mm256_srai_epi32(_mm256_add_epi32(odd, half), kBits);    // outputs i+1 | i+3
    __m256i packed = _mm256_packs_epi32(even, odd);                 // i, i+1 | i+2, i+3
    packed = _mm256_packus_epi16(packed, packed);
    packed = _mm256_permute4x64_epi64(packed, 0x08);  // both lanes' low halves together
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + 4 * i), _mm256_castsi256_si128(packed));
  }
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
  if (level != SimdLevel::Plain && x.taps % 2 == 0)
    return resampleSse2(src, x, dst, 0, x.end - x.begin);
#endif
  resampleRange(src, x, dst, 0, x.end - x.begin);
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
