#include "engine/render/SeekRange.h"

#include <charconv>

namespace hw {
namespace {

// The shortest text that reads back as `seconds`: "600", "83.5", "600.0004".
std::string shortest(double seconds) {
  char text[32];
  auto [end, error] = std::to_chars(text, text + sizeof text, seconds);
  return error == std::errc() ? std::string(text, end) : "?";
}

}  // namespace

std::string seekOutsideCue(const Timeline& timeline, int cue, double position) {
  if (timeline.holds(cue, position)) return "";
  std::string number = std::to_string(cue + 1);
  if (!timeline.playable(cue)) return "cue " + number + " cannot play, so it cannot be sought in";
  return "cannot seek to " + shortest(position) + " s: cue " + number + " is " +
         shortest(timeline.durationOf(cue)) + " s long (a seek goes from 0 to under that)";
}

}  // namespace hw
