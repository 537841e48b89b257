#include "engine/render/StatusLine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hw {
namespace {

constexpr Color kBand{0, 0, 0};
constexpr Color kInk{235, 235, 235};

std::string clockText(double seconds) {
  long whole = static_cast<long>(std::ceil(std::max(0.0, seconds)));
  char text[32];
  std::snprintf(text, sizeof text, "%ld:%02ld", whole / 60, whole % 60);
  return text;
}

}  // namespace

std::vector<std::string> statusLines(const Playlist& playlist, const PlaybackPosition& position,
                                     const std::string& typedCue, bool testPattern) {
  std::string first;
  if (position.cue < 0) {
    first = "stopped";
  } else {
    const Cue& cue = playlist.cues[static_cast<std::size_t>(position.cue)];
    first = "cue " + std::to_string(position.cue + 1) + "/" + std::to_string(playlist.cues.size()) +
            "   " + cue.title + "   " + clockText(position.remaining) + " left";
    if (position.paused()) first += "   paused";
    if (position.finished) first += "   end of show";
  }
  if (testPattern) first += "   test pattern (t: back to the show)";
  if (!typedCue.empty()) first += "   go to cue " + typedCue + "_";

  std::vector<std::string> lines{first};
  if (position.cue >= 0) {
    std::string notes;
    for (const auto& note : playlist.cues[static_cast<std::size_t>(position.cue)].notes)
      notes += (notes.empty() ? "" : "  |  ") + note;
    if (!notes.empty()) lines.push_back(notes);
  }
  return lines;
}

StatusLine::StatusLine(TextPainter& text, const RenderWindow& window) : text_(text) {
  int shownHeight = window.outputSize().h;
  double drawingPerShown = double(window.size().h) / std::max(1, shownHeight);
  pixelHeight_ = int(std::lround(std::clamp(shownHeight / 36, 12, 28) * drawingPerShown));
  text_.measure("cue", pixelHeight_);
}

void StatusLine::draw(RenderWindow& window, const std::vector<std::string>& lines) {
  Size area = window.size();
  int lineHeight = pixelHeight_ * 3 / 2;
  Size wanted{area.w, lineHeight * static_cast<int>(lines.size()) + pixelHeight_ / 2};
  if (!band_ || lines != shown_ || wanted != bandSize_) {
    Image band(wanted.w, wanted.h, kBand);
    for (std::size_t i = 0; i < lines.size(); ++i)
      text_.draw(band, lines[i], pixelHeight_ / 2, pixelHeight_ / 4 + int(i) * lineHeight,
                 pixelHeight_, kInk);
    band_.emplace(window, band);
    shown_ = lines;
    bandSize_ = wanted;
  }
  band_->draw(window.renderer(), {0, area.h - wanted.h, wanted.w, wanted.h}, 255);
}

}  // namespace hw
