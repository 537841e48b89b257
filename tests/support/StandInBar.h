#pragma once

#include <algorithm>

#include "tiler/Image.h"
#include "tiler/Rect.h"

namespace hw::test {

// How much of a stand-in movie's frame bar (tiler/StandInMovieCard: yellow,
// along the bottom edge, filled to the share of the pass shown) is filled in
// `picture`, where the movie covers `movie` (picture px): 0..1, read along
// the bar's middle row; -1 when that row holds no yellow at all.
inline double standInBarShare(const Image& picture, RectI movie) {
  int y = std::clamp(movie.bottom() - 1 - movie.h / 48, 0, picture.height - 1);
  int last = -1;
  for (int x = std::max(0, movie.x); x < std::min(picture.width, movie.right()); ++x) {
    const std::uint8_t* p = picture.at(x, y);
    if (p[0] > 200 && p[1] > 160 && p[2] < 130) last = x;
  }
  return last < 0 ? -1 : static_cast<double>(last + 1 - movie.x) / movie.w;
}

}  // namespace hw::test
