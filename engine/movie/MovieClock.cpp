#include "engine/movie/MovieClock.h"

#include <cmath>

namespace hw {
namespace {

// A frame boundary computed in double lands within ~1e-12 frames of the
// integer it stands for; this much slack keeps a time exactly on a boundary
// on the frame that starts there, and is far below any clock's resolution.
constexpr long double kBoundarySlack = 1e-6L;  // frames

}  // namespace

std::int64_t MovieClock::tickAt(double elapsed) const {
  if (!facts_.known() || !(elapsed > 0)) return 0;
  long double ticks = static_cast<long double>(elapsed) * facts_.rate.num / facts_.rate.den;
  return static_cast<std::int64_t>(std::floor(ticks + kBoundarySlack));
}

std::int64_t MovieClock::frameOfTick(std::int64_t tick) const {
  if (facts_.frames <= 0) return tick;
  return tick % facts_.frames;
}

std::int64_t MovieClock::passOfTick(std::int64_t tick) const {
  if (facts_.frames <= 0) return 0;
  return tick / facts_.frames;
}

double MovieClock::tickStart(std::int64_t tick) const {
  if (!facts_.known()) return 0;
  return static_cast<double>(static_cast<long double>(tick) * facts_.rate.den / facts_.rate.num);
}

std::int64_t MovieClock::frameOfTimestamp(std::int64_t pts, std::int64_t startPts, int timeBaseNum,
                                          int timeBaseDen) const {
  if (!facts_.rate.known() || timeBaseDen <= 0) return 0;
  long double seconds = static_cast<long double>(pts - startPts) * timeBaseNum / timeBaseDen;
  return std::llround(seconds * facts_.rate.num / facts_.rate.den);
}

std::int64_t MovieClock::timestampOfFrame(std::int64_t frame, std::int64_t startPts,
                                          int timeBaseNum, int timeBaseDen) const {
  if (!facts_.rate.known() || timeBaseNum <= 0) return startPts;
  long double seconds = static_cast<long double>(frame) * facts_.rate.den / facts_.rate.num;
  return startPts + std::llround(seconds * timeBaseDen / timeBaseNum);
}

}  // namespace hw
