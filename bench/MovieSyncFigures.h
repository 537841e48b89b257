#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <vector>

#include "engine/movie/MovieClock.h"
#include "engine/render/PlaybackPosition.h"

namespace hw::bench {

// One movie frame a node presented: a line of its --present-trace file.
struct MoviePresent {
  double trueMaster = 0;  // s, the master's clock at the present (simulated truth)
  double host = 0;        // s, the host's monotonic clock at the present
  int cue = -1;           // cue of the show
  std::int64_t tick = 0;  // frame interval shown (MovieClock::tickAt)
};

// Reads a trace; a line that does not parse (a killed node's last) is skipped.
std::vector<MoviePresent> readPresentTrace(std::istream& in);

// The judgement of a set of presents against the master's clock. Pure: the
// show's position at a true master time comes from the caller (positionAt on
// the master's show state), the frame from MovieClock.
struct MovieSyncFigures {
  std::map<std::int64_t, std::int64_t> frameErrors;  // frames shown minus frames due -> presents
  std::int64_t presents = 0;
  std::int64_t wrongCue = 0;      // presents of a cue not on the wall at their instant
  std::int64_t dropped = 0;       // frame intervals no present showed, between two presents
  std::int64_t backwards = 0;     // presents of a frame interval not after the previous one
  std::int64_t loops = 0;         // loop points crossed between two presents of one node
  std::int64_t loopDropped = 0;   // intervals dropped across a loop point
  std::int64_t late = 0;          // presents later than one 60 Hz refresh after their frame began
  std::int64_t loopLate = 0;      // of those, presents of a pass's first frame
  std::vector<double> latencyMs;  // ms, present minus its frame's start (true time)

  std::int64_t wrongFrames() const;  // presents with a frame error other than 0
};

// The presents of one node whose true time is in [from, to), in trace order.
// A pair of presents with a restart (host time in `restarts`) between them is
// no pair: the frames the dead process missed are the restart's figure.
void judgePresents(const std::vector<MoviePresent>& presents, const std::vector<double>& restarts,
                   double from, double to,
                   const std::function<PlaybackPosition(double trueMaster)>& positionAt,
                   const MovieClock& clock, MovieSyncFigures& figures);

// s from host time `restartedAt` until the node's first present of the right
// frame; negative when it made none. `firstRight`: whether its first present was.
double secondsToRightFrame(const std::vector<MoviePresent>& presents, double restartedAt,
                           const std::function<PlaybackPosition(double trueMaster)>& positionAt,
                           const MovieClock& clock, bool& firstRight);

}  // namespace hw::bench
