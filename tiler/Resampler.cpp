#include "tiler/Resampler.h"

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include "tiler/ResamplePasses.h"

namespace hw {
namespace {

// Lays `count` resampled pixels over the target ("over" compositing).
void blendOver(const std::uint8_t* src, int count, std::uint8_t* dst) {
  for (int i = 0; i < count; ++i, src += 4, dst += 4) {
    int a = src[3], keep = 255 - a;
    for (int c = 0; c < 3; ++c)
      dst[c] = static_cast<std::uint8_t>((src[c] * a + dst[c] * keep + 127) / 255);
    dst[3] = static_cast<std::uint8_t>(a + (dst[3] * keep + 127) / 255);
  }
}

// Whether every pixel of `media` in the columns and rows the weights read is opaque.
bool readsOnlyOpaque(const Image& media, const AxisWeights& x, const AxisWeights& y) {
  if (x.empty() || y.empty()) return true;
  int x0 = x.first.front(), x1 = x.first.back() + x.taps;
  int y0 = y.first.front(), y1 = y.first.back() + y.taps;
  std::uint32_t alpha;  // where the alpha byte sits in a pixel read as one word
  const std::uint8_t mask[4] = {0, 0, 0, 255};
  std::memcpy(&alpha, mask, 4);
  for (int row = y0; row < y1; ++row) {
    const std::uint8_t* p = media.at(x0, row);
    std::uint32_t all = alpha;
    for (int i = 0; i < x1 - x0; ++i) {
      std::uint32_t pixel;
      std::memcpy(&pixel, p + 4 * i, 4);
      all &= pixel;
    }
    if ((all & alpha) != alpha) return false;
  }
  return true;
}

// The tap of one output pixel's weights that takes all of it, or -1.
int wholeTap(const std::int16_t* weights, int taps) {
  for (int k = 0; k < taps; ++k)
    if (weights[k] == 1 << AxisWeights::kBits) return k;
  return -1;
}

// The media px the first drawn pixel copies when every drawn pixel takes one
// media px whole, the next one each time (media at scale 1 on whole pixels:
// a movie on its display, Native), else -1.
int wholePixelShift(const AxisWeights& axis) {
  if (axis.empty()) return -1;
  int start = -1;
  for (int i = 0; i < axis.end - axis.begin; ++i) {
    int k = wholeTap(axis.weights.data() + static_cast<std::size_t>(i) * axis.taps, axis.taps);
    if (k < 0) return -1;
    int media = axis.first[i] + k;
    if (i == 0) start = media;
    if (media != start + i) return -1;
  }
  return start;
}

}  // namespace

Resampler::Resampler(const Image& media, const Placement& placement, const RectI& window,
                     bool mediaOpaque)
    : media_(media),
      x_(axisWeights(window.x, window.w, placement.placed.x, placement.placed.w, media.width,
                     placement.clip.x, placement.clip.right())),
      y_(axisWeights(window.y, window.h, placement.placed.y, placement.placed.h, media.height,
                     placement.clip.y, placement.clip.bottom())),
      opaque_(mediaOpaque || readsOnlyOpaque(media, x_, y_)),
      copyFromX_(wholePixelShift(x_)) {}

RectI mediaRectRead(const Placement& placement, const RectI& window) {
  AxisWeights x = axisWeights(window.x, window.w, placement.placed.x, placement.placed.w,
                              placement.media.w, placement.clip.x, placement.clip.right());
  AxisWeights y = axisWeights(window.y, window.h, placement.placed.y, placement.placed.h,
                              placement.media.h, placement.clip.y, placement.clip.bottom());
  if (x.empty() || y.empty()) return {};
  auto span = [](const AxisWeights& axis) {
    int begin = std::max(0, *std::min_element(axis.first.begin(), axis.first.end()));
    int end = std::min(axis.mediaLength,
                       *std::max_element(axis.first.begin(), axis.first.end()) + axis.taps);
    return std::pair{begin, end - begin};
  };
  auto [x0, w] = span(x);
  auto [y0, h] = span(y);
  return {x0, y0, w, h};
}

void Resampler::drawRows(Image& target, int rowBegin, int rowEnd) const {
  int y0 = std::max(rowBegin, y_.begin), y1 = std::min(rowEnd, y_.end);
  if (y0 >= y1 || x_.empty()) return;
  const int count = x_.end - x_.begin, bytes = count * 4, taps = y_.taps;
  // Horizontally resampled media rows; media row r lives in slot r % taps, and
  // consecutive output rows need non-decreasing media rows, so each is made once.
  std::vector<std::uint8_t> ring(static_cast<std::size_t>(taps) * bytes);
  std::vector<int> ringRow(taps, -1);
  std::vector<const std::uint8_t*> rows(taps);
  std::vector<std::uint8_t> blended(opaque_ ? 0 : bytes);
  for (int y = y0; y < y1; ++y) {
    int first = y_.first[y - y_.begin];
    const std::int16_t* w = y_.weights.data() + static_cast<std::size_t>(y - y_.begin) * taps;
    // A whole media row at scale 1: the weights would give its bytes back unchanged.
    if (int k = wholeTap(w, taps); opaque_ && copyFromX_ >= 0 && k >= 0) {
      std::memcpy(target.at(x_.begin, y), media_.at(copyFromX_, first + k), bytes);
      continue;
    }
    for (int k = 0; k < taps; ++k) {
      int mediaRow = first + k, slot = mediaRow % taps;
      std::uint8_t* row = ring.data() + static_cast<std::size_t>(slot) * bytes;
      rows[k] = row;
      if (w[k] != 0 && ringRow[slot] != mediaRow) {  // a zero weight never reads its row
        resampleRow(media_.row(mediaRow), x_, row);
        ringRow[slot] = mediaRow;
      }
    }
    if (opaque_) {
      blendRows(rows.data(), w, taps, bytes, target.at(x_.begin, y), true);
    } else {
      blendRows(rows.data(), w, taps, bytes, blended.data(), false);
      blendOver(blended.data(), count, target.at(x_.begin, y));
    }
  }
}

}  // namespace hw
