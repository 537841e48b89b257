#pragma once

#include <cstdint>
#include <string>

#include "tiler/Image.h"
#include "tiler/Rect.h"
#include "tiler/TextPainter.h"

namespace hw {

// The pictures of a stand-in movie, for a movie not on this machine: its
// stand-in card (makeStandInCard: the file's name, "real media not
// available", `detail`, how to get it) with, on every frame, a large running
// counter "frame N / total" below the title and a bar along the bottom edge
// filled to the share of the pass shown. The counter and bar move on every
// frame, so an operator sees the wall play and every display on one frame.
class StandInMovieCard {
 public:
  // `size`: the pictures' pixels; `frames`: frames in one pass (at least 1).
  StandInMovieCard(Size size, const std::string& fileName, const std::string& detail,
                   const std::string& howToGet, std::int64_t frames, TextPainter& text);

  // Frame `frame` (0-based, below `frames`) of the pass; valid until the
  // next call, which redraws only the counter and the bar.
  const Image& frame(std::int64_t frame);

  // The bar along the bottom: filled from its left edge to barFilled(frame).
  RectI bar() const { return bar_; }
  int barFilled(std::int64_t frame) const;

 private:
  Image picture_;  // the card, with the counter and bar of the last frame asked for
  std::int64_t frames_;
  TextPainter& text_;
  RectI counterBox_;   // dark box the counter is centred in, wide enough for the widest
  int counterHeight_;  // px of the counter's font
  RectI bar_;
};

}  // namespace hw
