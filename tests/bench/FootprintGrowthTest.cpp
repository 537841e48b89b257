#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "bench/FootprintGrowth.h"

namespace hw::bench {
namespace {

constexpr double kPass = 15;   // s, a pass of the soak show
constexpr double kBound = 16;  // MiB

// One sample a second for `seconds`, valued `at(t)`.
std::vector<std::pair<double, double>> series(double seconds,
                                              const std::function<double(double)>& at) {
  std::vector<std::pair<double, double>> samples;
  for (double t = 0; t <= seconds; t += 1) samples.emplace_back(t, at(t));
  return samples;
}

// A process whose memory swings with the show: up 8 MiB while a cue's
// pictures are held, back down between them.
double showSwing(double t) { return 60 + (std::fmod(t, kPass) < 6 ? 8 : 0); }

TEST(FootprintGrowth, ASteadyProcessWhoseMemorySwingsWithTheShowIsBounded) {
  FootprintGrowth g = FootprintGrowth::of(series(3600, showSwing), kBound, kPass);
  ASSERT_TRUE(g.measured);
  EXPECT_EQ(g.windows, FootprintGrowth::kWindows);
  EXPECT_NEAR(g.rise, 0, 1e-9);
  EXPECT_FALSE(g.grows);
}

TEST(FootprintGrowth, ALeakBeneathTheSwingsGrows) {
  // 30 MiB an hour under the swings: the floor rises 15 MiB over the second
  // half. With a bound of 10 MiB that grows; the swings alone never would.
  auto leaking = [](double t) { return showSwing(t) + 30 * t / 3600; };
  FootprintGrowth g = FootprintGrowth::of(series(3600, leaking), 10, kPass);
  ASSERT_TRUE(g.measured);
  EXPECT_NEAR(g.slopePerHour, 30, 1.5);
  EXPECT_NEAR(g.rise, 15, 1);
  EXPECT_TRUE(g.grows);
}

TEST(FootprintGrowth, AStepToAPlateauInTheFirstHalfIsBounded) {
  // Caches and the allocator's arenas filling up: a 20 MiB step, then flat.
  auto settling = [](double t) { return showSwing(t) + (t > 600 ? 20 : 0); };
  FootprintGrowth g = FootprintGrowth::of(series(3600, settling), kBound, kPass);
  ASSERT_TRUE(g.measured);
  EXPECT_FALSE(g.grows);
}

TEST(FootprintGrowth, DescriptorsLeakedOneAMinuteGrow) {
  auto fds = [](double t) { return 12 + std::floor(t / 60) + (std::fmod(t, 7) < 1 ? 3 : 0); };
  FootprintGrowth g = FootprintGrowth::of(series(1200, fds), 2, kPass);
  ASSERT_TRUE(g.measured);
  EXPECT_NEAR(g.rise, 10, 1);
  EXPECT_TRUE(g.grows);
}

TEST(FootprintGrowth, AShortRunHasFewerWindowsEachAPassLong) {
  FootprintGrowth g = FootprintGrowth::of(series(90, showSwing), kBound, kPass);
  ASSERT_TRUE(g.measured);
  EXPECT_EQ(g.windows, 6);
  EXPECT_FALSE(g.grows);
}

TEST(FootprintGrowth, ALifeShorterThanFourPassesIsNotMeasured) {
  auto leaking = [](double t) { return 60 + t; };
  FootprintGrowth g = FootprintGrowth::of(series(50, leaking), kBound, kPass);
  EXPECT_FALSE(g.measured);
  EXPECT_FALSE(g.grows);
}

}  // namespace
}  // namespace hw::bench
