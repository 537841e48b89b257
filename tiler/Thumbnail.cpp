#include "tiler/Thumbnail.h"

#include <algorithm>
#include <cmath>

#include "tiler/Placement.h"
#include "tiler/Resampler.h"

namespace hw {

Image thumbnailOf(const Image& picture, int maxSide) {
  if (picture.empty()) return picture;
  double scale = std::min({1.0, static_cast<double>(maxSide) / picture.width,
                           static_cast<double>(maxSide) / picture.height});
  int w = std::max(1, static_cast<int>(std::lround(picture.width * scale)));
  int h = std::max(1, static_cast<int>(std::lround(picture.height * scale)));
  if (w == picture.width && h == picture.height) return picture;
  Image thumbnail(w, h);
  RectD whole{0, 0, static_cast<double>(w), static_cast<double>(h)};
  Resampler(picture, {{picture.width, picture.height}, whole, whole}, {0, 0, w, h})
      .drawRows(thumbnail, 0, h);
  return thumbnail;
}

}  // namespace hw
