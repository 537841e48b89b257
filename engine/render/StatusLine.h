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
// being typed; then the next cue; then the cue's notes for the operator, as
// one paragraph for the band to wrap.
std::vector<std::string> statusLines(const Playlist& playlist, const PlaybackPosition& position,
                                     const std::string& typedCue, bool testPattern);

// Lines of text the rehearsal's band below the wall holds: the state, the
// next cue and two of notes.
constexpr int kRehearsalStatusLines = 4;

// Drawing pixels a band of `lines` lines takes in a window `windowHeight` high.
int statusBandHeight(int windowHeight, int lines);

// Draws status lines in a band across the window; the band is re-rendered
// only when its text changes (about once a second).
class StatusLine {
 public:
  // Sizes the text for `window` as it appears on screen and opens the font
  // now, before any preloading thread draws text of its own.
  StatusLine(TextPainter& text, const RenderWindow& window);
  // Across the bottom of the window, over what is there, one row per line.
  void draw(RenderWindow& window, const std::vector<std::string>& lines);
  // Inside `band` (drawing pixels, e.g. the space below the wall): lines
  // wrapped to its width, as many as fit, the last one cut with "…" when
  // more would follow; the font shrinks to fit kRehearsalStatusLines.
  void drawIn(RenderWindow& window, const std::vector<std::string>& lines, RectI band);

 private:
  void show(RenderWindow& window, const std::vector<std::string>& rows, int pixelHeight,
            RectI place);

  TextPainter& text_;
  int pixelHeight_;                 // font size in drawing pixels: 12-28 px once on screen
  std::vector<std::string> given_;  // lines drawIn was last given,
  Size givenSize_;                  // for a band of this size, and
  std::vector<std::string> rows_;   // the rows they wrapped into
  std::vector<std::string> shown_;  // text of `band_`
  std::optional<Texture> band_;
  Size bandSize_;  // pixels of `band_`
};

}  // namespace hw
