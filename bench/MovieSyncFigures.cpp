#include "bench/MovieSyncFigures.h"

#include <algorithm>
#include <sstream>
#include <string>

namespace hw::bench {
namespace {

// A present this long after its frame began means a 60 Hz display refreshed
// on the previous frame once more: a repeat a viewer can see.
constexpr double kRefreshMs = 1000.0 / 60.0;

bool restartBetween(const std::vector<double>& restarts, double from, double to) {
  return std::any_of(restarts.begin(), restarts.end(),
                     [&](double at) { return at > from && at <= to; });
}

}  // namespace

std::vector<MoviePresent> readPresentTrace(std::istream& in) {
  std::vector<MoviePresent> presents;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    MoviePresent p;
    long long tick = 0;
    if (fields >> p.trueMaster >> p.host >> p.cue >> tick) {
      p.tick = tick;
      presents.push_back(p);
    }
  }
  return presents;
}

std::int64_t MovieSyncFigures::wrongFrames() const {
  auto right = frameErrors.find(0);
  return presents - (right == frameErrors.end() ? 0 : right->second);
}

void judgePresents(const std::vector<MoviePresent>& presents, const std::vector<double>& restarts,
                   double from, double to,
                   const std::function<PlaybackPosition(double trueMaster)>& positionAt,
                   const MovieClock& clock, MovieSyncFigures& figures) {
  const MoviePresent* previous = nullptr;
  for (const MoviePresent& p : presents) {
    if (p.trueMaster < from || p.trueMaster >= to) {
      previous = nullptr;
      continue;
    }
    ++figures.presents;
    PlaybackPosition due = positionAt(p.trueMaster);
    if (due.cue != p.cue) {
      ++figures.wrongCue;
      previous = nullptr;
      continue;
    }
    ++figures.frameErrors[p.tick - clock.tickAt(due.elapsed)];
    double latencyMs = (p.trueMaster - due.cueStart - clock.tickStart(p.tick)) * 1e3;
    figures.latencyMs.push_back(latencyMs);
    bool late = latencyMs > kRefreshMs;
    figures.late += late;
    if (previous && previous->cue == p.cue && !restartBetween(restarts, previous->host, p.host)) {
      std::int64_t skipped = p.tick - previous->tick - 1;
      if (skipped < 0) ++figures.backwards;
      figures.dropped += std::max<std::int64_t>(skipped, 0);
      if (clock.passOfTick(p.tick) != clock.passOfTick(previous->tick)) {
        ++figures.loops;
        figures.loopDropped += std::max<std::int64_t>(skipped, 0);
        figures.loopLate += late && clock.frameOfTick(p.tick) == 0;
      }
    }
    previous = &p;
  }
}

double secondsToRightFrame(const std::vector<MoviePresent>& presents, double restartedAt,
                           const std::function<PlaybackPosition(double trueMaster)>& positionAt,
                           const MovieClock& clock, bool& firstRight) {
  bool first = true;
  for (const MoviePresent& p : presents) {
    if (p.host < restartedAt) continue;
    PlaybackPosition due = positionAt(p.trueMaster);
    bool right = due.cue == p.cue && p.tick == clock.tickAt(due.elapsed);
    if (first) firstRight = right;
    first = false;
    if (right) return p.host - restartedAt;
  }
  return -1;
}

}  // namespace hw::bench
