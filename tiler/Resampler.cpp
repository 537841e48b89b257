#include "tiler/Resampler.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace hw {
namespace {

constexpr int kBits = AxisWeights::kBits;
constexpr std::int32_t kHalf = 1 << (kBits - 1);

// One media row -> one row of output width. T taps known at compile time lets
// the compiler unroll; T = 0 means "x.taps, at run time".
template <int T>
void horizontalPass(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst) {
  const int taps = T > 0 ? T : x.taps;
  const int count = x.end - x.begin;
  const std::int32_t* w = x.weights.data();
  for (int i = 0; i < count; ++i, w += taps, dst += 4) {
    const std::uint8_t* s = src + x.first[i] * 4;
    std::int32_t r = kHalf, g = kHalf, b = kHalf, a = kHalf;
    for (int k = 0; k < taps; ++k) {
      r += s[4 * k] * w[k];
      g += s[4 * k + 1] * w[k];
      b += s[4 * k + 2] * w[k];
      a += s[4 * k + 3] * w[k];
    }
    // Weights are non-negative and sum to one: no clamping needed.
    dst[0] = static_cast<std::uint8_t>(r >> kBits);
    dst[1] = static_cast<std::uint8_t>(g >> kBits);
    dst[2] = static_cast<std::uint8_t>(b >> kBits);
    dst[3] = static_cast<std::uint8_t>(a >> kBits);
  }
}

void horizontal(const std::uint8_t* src, const AxisWeights& x, std::uint8_t* dst) {
  switch (x.taps) {
    case 1:
      return horizontalPass<1>(src, x, dst);
    case 2:
      return horizontalPass<2>(src, x, dst);
    case 3:
      return horizontalPass<3>(src, x, dst);
    case 4:
      return horizontalPass<4>(src, x, dst);
    default:
      return horizontalPass<0>(src, x, dst);
  }
}

// Rows -> one output row, byte by byte; contiguous, so it vectorises.
template <int T>
void verticalPass(const std::uint8_t* const* rows, const std::int32_t* w, int taps, int bytes,
                  std::uint8_t* dst) {
  const int n = T > 0 ? T : taps;
  for (int j = 0; j < bytes; ++j) {
    std::int32_t acc = kHalf;
    for (int k = 0; k < n; ++k) acc += rows[k][j] * w[k];
    dst[j] = static_cast<std::uint8_t>(acc >> kBits);
  }
}

void vertical(const std::uint8_t* const* rows, const std::int32_t* w, int taps, int bytes,
              std::uint8_t* dst) {
  switch (taps) {
    case 1:
      return std::memcpy(dst, rows[0], bytes), void();
    case 2:
      return verticalPass<2>(rows, w, taps, bytes, dst);
    case 3:
      return verticalPass<3>(rows, w, taps, bytes, dst);
    case 4:
      return verticalPass<4>(rows, w, taps, bytes, dst);
    default:
      return verticalPass<0>(rows, w, taps, bytes, dst);
  }
}

// Lays `count` resampled pixels over the target: a copy when all are opaque.
void compose(const std::uint8_t* src, int count, std::uint8_t* dst) {
  bool opaque = true;
  for (int i = 0; i < count; ++i) opaque &= src[i * 4 + 3] == 255;
  if (opaque) {
    std::memcpy(dst, src, static_cast<std::size_t>(count) * 4);
    return;
  }
  for (int i = 0; i < count; ++i, src += 4, dst += 4) {
    int a = src[3], keep = 255 - a;
    for (int c = 0; c < 3; ++c)
      dst[c] = static_cast<std::uint8_t>((src[c] * a + dst[c] * keep + 127) / 255);
    dst[3] = static_cast<std::uint8_t>(a + (dst[3] * keep + 127) / 255);
  }
}

}  // namespace

Resampler::Resampler(const Image& media, const Placement& placement, const RectI& window)
    : media_(media),
      x_(axisWeights(window.x, window.w, placement.placed.x, placement.placed.w, media.width,
                     placement.clip.x, placement.clip.right())),
      y_(axisWeights(window.y, window.h, placement.placed.y, placement.placed.h, media.height,
                     placement.clip.y, placement.clip.bottom())) {}

void Resampler::drawRows(Image& target, int rowBegin, int rowEnd) const {
  int y0 = std::max(rowBegin, y_.begin), y1 = std::min(rowEnd, y_.end);
  if (y0 >= y1 || x_.empty()) return;
  const int bytes = (x_.end - x_.begin) * 4;
  const int taps = y_.taps;
  // Horizontally resampled media rows; media row r lives in slot r % taps, and
  // consecutive output rows need non-decreasing media rows, so each is made once.
  std::vector<std::uint8_t> ring(static_cast<std::size_t>(taps) * bytes);
  std::vector<int> ringRow(taps, -1);
  std::vector<const std::uint8_t*> rows(taps);
  std::vector<std::uint8_t> out(bytes);
  for (int y = y0; y < y1; ++y) {
    int first = y_.first[y - y_.begin];
    const std::int32_t* w = y_.weights.data() + static_cast<std::size_t>(y - y_.begin) * taps;
    for (int k = 0; k < taps; ++k) {
      int mediaRow = first + k, slot = mediaRow % taps;
      std::uint8_t* row = ring.data() + static_cast<std::size_t>(slot) * bytes;
      rows[k] = row;
      if (w[k] != 0 && ringRow[slot] != mediaRow) {
        horizontal(media_.row(mediaRow), x_, row);
        ringRow[slot] = mediaRow;
      }
    }
    vertical(rows.data(), w, taps, bytes, out.data());
    compose(out.data(), x_.end - x_.begin, target.at(x_.begin, y));
  }
}

}  // namespace hw
