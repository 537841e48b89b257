// When a headless node changes movie frame, judged on the master's clock: a
// node whose estimate of the master is off by up to its stated error shows,
// at each frame change, the frame whose interval holds the true instant.
#include <gtest/gtest.h>

#include "engine/movie/MovieClock.h"
#include "engine/net/PresentGuard.h"

namespace hw {
namespace {

MovieClock thirtyFps() {
  MovieFacts facts;
  facts.rate = {30, 1};
  facts.frames = 90;
  return MovieClock(facts);
}

TEST(PresentGuard, AFrameChangeIsNeverEarlyOnTheMastersClockWithinTheEstimatesError) {
  const MovieClock clock = thirtyFps();
  ClockEstimate estimate;
  estimate.synced = true;
  estimate.error = 300e-6;  // s, one standard error, as under 2 ms +- 1 ms of jitter
  const double guard = presentGuard(estimate);
  for (std::int64_t tick = 1; tick < 200; tick += 7) {
    // The node wakes when its estimate says `tick` began `guard` ago, and
    // shows the frame of its estimate less the guard; its estimate is
    // `ahead` s ahead of the master's clock (negative: behind).
    for (double ahead = -3 * estimate.error; ahead <= 3 * estimate.error; ahead += 50e-6) {
      double estimated = clock.tickStart(tick) + guard;
      double truth = estimated - ahead;
      EXPECT_EQ(clock.tickAt(estimated - guard), clock.tickAt(truth))
          << "tick " << tick << ", estimate " << ahead * 1e6 << " us ahead";
    }
  }
}

TEST(PresentGuard, FollowsTheEstimatesErrorUpToACeiling) {
  ClockEstimate estimate;
  estimate.error = 0;  // --clock system: the host clock is the master's
  EXPECT_EQ(presentGuard(estimate), 0);
  estimate.error = 20e-6;
  EXPECT_NEAR(presentGuard(estimate), 60e-6, 1e-12);
  estimate.error = 0.05;  // a node barely synced: a frame is not held back by 150 ms
  EXPECT_EQ(presentGuard(estimate), kMostPresentGuard);
}

}  // namespace
}  // namespace hw
