#pragma once

#include "tiler/Image.h"
#include "tiler/Placement.h"
#include "tiler/Rect.h"
#include "tiler/ResampleWeights.h"

namespace hw {

// Draws a media image into one window of the canvas through its Placement: a
// separable resampler (horizontal pass into a small ring of rows, then
// vertical pass) with precomputed fixed-point weights. Every target pixel
// centre goes through the placement's affine map, so any two windows, e.g.
// neighbouring displays, sample one continuous picture. Pixels the item does
// not cover are left as they are; the item is alpha-blended over them.
class Resampler {
 public:
  // The target's pixel (0, 0) is canvas pixel (window.x, window.y); it is
  // window.w x window.h. `media` must outlive the Resampler. `mediaOpaque`:
  // the caller knows every media pixel is opaque, which spares a scan.
  Resampler(const Image& media, const Placement& placement, const RectI& window,
            bool mediaOpaque = false);

  // Draws target rows [rowBegin, rowEnd). Disjoint bands may be drawn by
  // different threads at once.
  void drawRows(Image& target, int rowBegin, int rowEnd) const;

  // The target pixels drawRows covers (window px).
  RectI drawnRect() const { return {x_.begin, y_.begin, x_.end - x_.begin, y_.end - y_.begin}; }
  // True when every media pixel it reads is opaque: drawnRect() is then
  // fully overwritten, whatever was there.
  bool opaque() const { return opaque_; }

 private:
  const Image& media_;
  AxisWeights x_;
  AxisWeights y_;
  bool opaque_ = true;
  int copyFromX_ =
      -1;  // media px copied to the first drawn column, when rows are whole-pixel shifts
};

// The media pixels a Resampler for `placement` drawing `window` reads: all
// the window needs of the media (a movie converts only these). Empty when it
// draws nothing.
RectI mediaRectRead(const Placement& placement, const RectI& window);

}  // namespace hw
