#include "engine/render/StatusLine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/render/TextWrap.h"

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
  if (position.cue < 0) return lines;
  int next = position.nextCue;
  lines.push_back(next < 0 ? "next: end of show"
                           : "next: cue " + std::to_string(next + 1) + "   " +
                                 playlist.cues[static_cast<std::size_t>(next)].title);
  std::string notes;
  for (const auto& note : playlist.cues[static_cast<std::size_t>(position.cue)].notes)
    notes += (notes.empty() ? "" : "  |  ") + note;
  if (!notes.empty()) lines.push_back(notes);
  return lines;
}

namespace {

// Font size in pixels for a window `shownHeight` pixels high on screen.
int fontPixelsFor(int shownHeight) { return std::clamp(shownHeight / 36, 12, 28); }

int lineHeightOf(int pixelHeight) { return pixelHeight * 3 / 2; }

}  // namespace

int statusBandHeight(int windowHeight, int lines) {
  int pixels = fontPixelsFor(windowHeight);
  return lineHeightOf(pixels) * lines + pixels / 2;
}

StatusLine::StatusLine(TextPainter& text, const RenderWindow& window) : text_(text) {
  int shownHeight = window.outputSize().h;
  double drawingPerShown = double(window.size().h) / std::max(1, shownHeight);
  pixelHeight_ = int(std::lround(fontPixelsFor(shownHeight) * drawingPerShown));
  text_.measure("cue", pixelHeight_);
}

void StatusLine::draw(RenderWindow& window, const std::vector<std::string>& lines) {
  Size area = window.size();
  int height = lineHeightOf(pixelHeight_) * static_cast<int>(lines.size()) + pixelHeight_ / 2;
  show(window, lines, pixelHeight_, {0, area.h - height, area.w, height});
}

void StatusLine::drawIn(RenderWindow& window, const std::vector<std::string>& lines, RectI band) {
  if (band.w <= 0 || band.h <= 0) return;  // a window without room for it
  // The largest font up to the window's that fits the band's lines.
  int pixelHeight = pixelHeight_;
  while (pixelHeight > 6 &&
         lineHeightOf(pixelHeight) * kRehearsalStatusLines + pixelHeight / 2 > band.h)
    --pixelHeight;
  if (lines != given_ || Size{band.w, band.h} != givenSize_) {
    int width = band.w - pixelHeight;  // half a letter's margin each side
    auto widthOf = [&](const std::string& s) { return text_.measure(s, pixelHeight).w; };
    int fit = std::max(1, (band.h - pixelHeight / 2) / lineHeightOf(pixelHeight));
    rows_.clear();
    bool cut = false;
    for (const std::string& line : lines)
      for (std::string& row : wrapText(line, width, widthOf)) {
        if (static_cast<int>(rows_.size()) == fit) cut = true;
        if (!cut) rows_.push_back(std::move(row));
      }
    if (cut) rows_.back() = withEllipsis(rows_.back(), width, widthOf);
    given_ = lines;
    givenSize_ = {band.w, band.h};
  }
  show(window, rows_, pixelHeight, band);
}

void StatusLine::show(RenderWindow& window, const std::vector<std::string>& rows, int pixelHeight,
                      RectI place) {
  Size wanted{place.w, place.h};
  if (!band_ || rows != shown_ || wanted != bandSize_) {
    Image band(wanted.w, wanted.h, kBand);
    for (std::size_t i = 0; i < rows.size(); ++i)
      text_.draw(band, rows[i], pixelHeight / 2,
                 pixelHeight / 4 + int(i) * lineHeightOf(pixelHeight), pixelHeight, kInk);
    band_.emplace(window, band);
    shown_ = rows;
    bandSize_ = wanted;
  }
  band_->draw(window.renderer(), {place.x, place.y, place.w, place.h}, 255);
}

}  // namespace hw
