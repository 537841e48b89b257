#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/render/PlaybackPosition.h"
#include "engine/render/RenderWindow.h"
#include "engine/render/Texture.h"
#include "hwshow/Playlist.h"
#include "tiler/TextPainter.h"

namespace hw {

// The rehearsal's status text: cue n/N, title, time left, state, the number
// being typed, and on a second line the cue's notes for the operator.
std::vector<std::string> statusLines(const Playlist& playlist, const PlaybackPosition& position,
                                     const std::string& typedCue, bool testPattern);

// Draws status lines in a band across the bottom of the window; the band is
// re-rendered only when its text changes (about once a second).
class StatusLine {
 public:
  // Sizes the text for `window` as it appears on screen and opens the font
  // now, before any preloading thread draws text of its own.
  StatusLine(TextPainter& text, const RenderWindow& window);
  void draw(RenderWindow& window, const std::vector<std::string>& lines);

 private:
  TextPainter& text_;
  int pixelHeight_;                 // font size in drawing pixels: 12-28 px once on screen
  std::vector<std::string> shown_;  // text of `band_`
  std::optional<Texture> band_;
  Size bandSize_;  // pixels of `band_`
};

}  // namespace hw
