#include "hwshow/MovieCueTiming.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace hw {
namespace {

constexpr double kMaxFps = 1000.0;  // frames per second; more is a typo

bool plausible(FrameRate rate) {
  return rate.known() && rate.fps() >= 1.0 && rate.fps() <= kMaxFps;
}

std::optional<int> wholeNumber(const std::string& text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<FrameRate> frameRateFromDecimal(double fps) {
  if (!(fps >= 1.0 && fps <= kMaxFps)) return std::nullopt;
  double whole = std::round(fps);
  if (std::abs(fps - whole) < 1e-9) return FrameRate{static_cast<int>(whole), 1};
  // 23.976, 29.97, 59.94 ... are n * 1000/1001 written short.
  double ntsc = std::round(fps * 1.001);
  if (std::abs(fps - ntsc / 1.001) < 5e-3) return FrameRate{static_cast<int>(ntsc) * 1000, 1001};
  return FrameRate{static_cast<int>(std::lround(fps * 1000)), 1000};
}

std::optional<FrameRate> parseFrameRate(const std::string& text) {
  std::size_t slash = text.find('/');
  if (slash != std::string::npos) {
    auto num = wholeNumber(text.substr(0, slash));
    auto den = wholeNumber(text.substr(slash + 1));
    if (!num || !den) return std::nullopt;
    FrameRate rate{*num, *den};
    return plausible(rate) ? std::optional(rate) : std::nullopt;
  }
  double fps = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), fps);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return frameRateFromDecimal(fps);
}

std::string frameRateText(FrameRate rate) {
  if (rate.den == 1) return std::to_string(rate.num);
  return std::to_string(rate.num) + "/" + std::to_string(rate.den);
}

bool hasMovie(const Cue& cue) {
  return std::any_of(cue.items.begin(), cue.items.end(),
                     [](const LayoutItem& item) { return item.media.kind == MediaKind::Movie; });
}

void settleMovieCueDuration(Cue& cue) {
  if (!cue.durationFromMovies) return;
  double longest = 0;
  for (const LayoutItem& item : cue.items) {
    if (item.media.kind != MediaKind::Movie) continue;
    if (!item.media.movie.known()) return;
    longest = std::max(longest, item.media.movie.seconds());
  }
  if (longest > 0) cue.durationSeconds = longest * cue.loops;
}

}  // namespace hw
