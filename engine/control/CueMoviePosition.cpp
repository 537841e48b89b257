#include "engine/control/CueMoviePosition.h"

#include <algorithm>

#include "engine/movie/MovieClock.h"

namespace hw {

std::optional<CueMovie> cueMoviePosition(const Cue& cue, double elapsed, double cueSeconds) {
  for (const LayoutItem& item : cue.items) {
    if (item.media.kind != MediaKind::Movie) continue;
    const MovieFacts& facts = item.media.movie;
    if (!facts.known()) return std::nullopt;
    MovieClock clock(facts);
    std::int64_t tick = clock.tickAt(elapsed);
    // The last tick that starts before the cue's end: a pass begun just
    // before it counts, one that would begin at it does not.
    std::int64_t lastTick = std::max<std::int64_t>(0, clock.tickAt(cueSeconds) - 1);
    if (clock.tickStart(lastTick + 1) < cueSeconds - 1e-6) ++lastTick;
    return CueMovie{facts.rate.fps(),       facts.frames,
                    facts.seconds(),        clock.frameOfTick(tick),
                    clock.passOfTick(tick), clock.passOfTick(lastTick) + 1};
  }
  return std::nullopt;
}

}  // namespace hw
