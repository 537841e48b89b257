#pragma once

#include "engine/net/ClockEstimate.h"

namespace hw {

// s a node waits past a movie frame's start, by its estimate of the master
// clock, before it shows that frame: three standard errors of the estimate,
// at most kMostPresentGuard. Changing frame at the estimated start itself
// shows the new frame before its time whenever the estimate runs ahead of
// the master (under 2 ms +- 1 ms jitter, 4 % of presents by up to 0.4 ms).
// After the guard, every frame change lands inside the new frame's interval
// on the master's clock while the estimate is within its stated error; the
// price is that a frame starts up to twice the guard late. Pure.
double presentGuard(const ClockEstimate& estimate);

// The guard's ceiling (s): an estimate worse than this is not waited out.
constexpr double kMostPresentGuard = 0.002;

}  // namespace hw
