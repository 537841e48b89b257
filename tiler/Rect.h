#pragma once

#include <algorithm>

namespace hw {

// Integer rectangle in pixels, x/y its top-left corner.
struct RectI {
  int x = 0, y = 0, w = 0, h = 0;
  bool empty() const { return w <= 0 || h <= 0; }
  int right() const { return x + w; }
  int bottom() const { return y + h; }
  bool operator==(const RectI&) const = default;
};

// Fractional rectangle: exact geometry before it meets pixels.
struct RectD {
  double x = 0, y = 0, w = 0, h = 0;
  bool empty() const { return w <= 0 || h <= 0; }
  double right() const { return x + w; }
  double bottom() const { return y + h; }
  bool operator==(const RectD&) const = default;
};

inline RectD toRectD(const RectI& r) { return {double(r.x), double(r.y), double(r.w), double(r.h)}; }

inline RectD intersect(const RectD& a, const RectD& b) {
  double x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  double x1 = std::min(a.right(), b.right()), y1 = std::min(a.bottom(), b.bottom());
  return {x0, y0, std::max(0.0, x1 - x0), std::max(0.0, y1 - y0)};
}

// The smallest rectangle holding both; an empty one adds nothing.
inline RectI unite(const RectI& a, const RectI& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  int x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
  return {x0, y0, std::max(a.right(), b.right()) - x0, std::max(a.bottom(), b.bottom()) - y0};
}

struct Size {
  int w = 0, h = 0;
  bool operator==(const Size&) const = default;
};

}  // namespace hw
