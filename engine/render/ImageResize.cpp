#include "engine/render/ImageResize.h"

#include <algorithm>
#include <cmath>

namespace hw {
namespace {

// Which source pixels one output pixel covers along an axis, and how much.
struct Span {
  int first = 0;               // first source index
  std::vector<float> weights;  // per source index from `first`, summing to 1
};

std::vector<Span> spansFor(int sourceLength, int targetLength) {
  std::vector<Span> spans(static_cast<std::size_t>(targetLength));
  double scale = double(sourceLength) / targetLength;
  for (int i = 0; i < targetLength; ++i) {
    double from = i * scale, to = (i + 1) * scale;
    Span& span = spans[static_cast<std::size_t>(i)];
    span.first = std::min(sourceLength - 1, static_cast<int>(std::floor(from)));
    int last = std::min(sourceLength - 1, static_cast<int>(std::ceil(to)) - 1);
    for (int s = span.first; s <= last; ++s) {
      double overlap = std::min(to, s + 1.0) - std::max(from, double(s));
      span.weights.push_back(static_cast<float>(std::max(0.0, overlap) / scale));
    }
  }
  return spans;
}

}  // namespace

Image resizeImage(const Image& source, int width, int height) {
  if (source.width == width && source.height == height) return source;
  Image result(width, height);
  if (source.empty() || width <= 0 || height <= 0) return result;
  std::vector<Span> across = spansFor(source.width, width);
  std::vector<Span> down = spansFor(source.height, height);

  // Horizontal pass into floats, then vertical pass into bytes.
  std::vector<float> rows(static_cast<std::size_t>(width) * source.height * 4);
  for (int y = 0; y < source.height; ++y) {
    const std::uint8_t* in = source.row(y);
    float* out = rows.data() + static_cast<std::size_t>(y) * width * 4;
    for (int x = 0; x < width; ++x) {
      const Span& span = across[static_cast<std::size_t>(x)];
      for (std::size_t k = 0; k < span.weights.size(); ++k)
        for (int c = 0; c < 4; ++c)
          out[x * 4 + c] += span.weights[k] * in[(span.first + static_cast<int>(k)) * 4 + c];
    }
  }
  for (int y = 0; y < height; ++y) {
    const Span& span = down[static_cast<std::size_t>(y)];
    std::uint8_t* out = result.row(y);
    for (int x = 0; x < width * 4; ++x) {
      float sum = 0;
      for (std::size_t k = 0; k < span.weights.size(); ++k)
        sum += span.weights[k] *
               rows[(static_cast<std::size_t>(span.first) + k) * width * 4 + x];
      out[x] = static_cast<std::uint8_t>(std::clamp(std::lround(sum), 0L, 255L));
    }
  }
  return result;
}

}  // namespace hw
