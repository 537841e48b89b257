#include <gtest/gtest.h>

#include "engine/net/LeadTime.h"
#include "engine/net/ShowState.h"
#include "engine/net/SkewTracker.h"
#include "engine/net/SyncStatus.h"

namespace hw {
namespace {

using Kind = PlaybackCommand::Kind;

Timeline threeCues(bool loop = true) {
  TimelineSpec spec;
  spec.cues = {{10, 0, true}, {5, 0, true}, {20, 0, true}};
  spec.loop = loop;
  return Timeline(spec);
}

ShowState playingFrom(double t) { return {1, {PlaybackMode::Playing, 0, t, 0, -1}, {}}; }

TEST(ShowState, PendingCommandsTakeEffectAtTheirTimeNotBefore) {
  Timeline timeline = threeCues();
  ShowState show = schedule(playingFrom(100), timeline, {Kind::Next, 102.5, -1}, 102);
  EXPECT_EQ(show.sequence, 2u);
  EXPECT_EQ(positionAt(show, timeline, 102.4).cue, 0);
  EXPECT_EQ(positionAt(show, timeline, 102.5).cue, 1);
  auto change = nextChange(show, timeline, 102.1);
  ASSERT_TRUE(change);
  EXPECT_DOUBLE_EQ(change->at, 102.5);
  EXPECT_EQ(change->cue, 1);
}

// Each step of the walk used to replay every pending command from the base
// (8000 pending: seconds per call, on the master's and every node's loop).
// With 200,000 that walk would take hours; walking forward once, it is quick.
TEST(ShowState, NextChangeWalksPastManyPendingCommandsInOnePass) {
  Timeline timeline = threeCues();
  ShowState show = playingFrom(100);
  const int resumes = 200'000;  // no-ops while playing: the cue stays, so the walk goes on
  for (int k = 1; k <= resumes; ++k) show.pending.push_back({Kind::Resume, 100 + k * 4e-5, -1});
  show.pending.push_back({Kind::Pause, 108.5, -1});
  show.pending.push_back({Kind::Resume, 109.5, -1});  // one second paused: cue 0 ends at 111
  auto change = nextChange(show, timeline, 100.5);
  ASSERT_TRUE(change);
  EXPECT_NEAR(change->at, 111, 1e-9);
  EXPECT_EQ(change->cue, 1);
  EXPECT_EQ(positionAt(show, timeline, change->at).cue, 1);
}

TEST(ShowState, NextChangeFollowsCueDurationsAndLoops) {
  Timeline timeline = threeCues();
  ShowState show = playingFrom(100);
  auto change = nextChange(show, timeline, 101);
  ASSERT_TRUE(change);
  EXPECT_DOUBLE_EQ(change->at, 110);
  EXPECT_EQ(change->cue, 1);
  change = nextChange(show, timeline, 116);
  ASSERT_TRUE(change);
  EXPECT_DOUBLE_EQ(change->at, 135);
  EXPECT_EQ(change->cue, 0);
  // Three days on, the boundary is still where whole loops put it.
  change = nextChange(show, timeline, 100 + 3 * 86400.0);
  ASSERT_TRUE(change);
  EXPECT_NEAR(change->at, 100 + 7406 * 35.0, 1e-6);
  EXPECT_EQ(change->cue, 0);
}

TEST(ShowState, NothingIsDueWhenPausedStoppedOrHoldingTheLastCue) {
  Timeline timeline = threeCues(false);
  ShowState show = playingFrom(0);
  EXPECT_FALSE(nextChange(show, timeline, 40));
  ShowState paused = schedule(playingFrom(0), timeline, {Kind::Pause, 3, -1}, 2);
  EXPECT_FALSE(nextChange(paused, timeline, 4));
  ShowState stopped = schedule(playingFrom(0), timeline, {Kind::Stop, 3, -1}, 2);
  auto change = nextChange(stopped, timeline, 2.5);
  ASSERT_TRUE(change);
  EXPECT_EQ(change->cue, -1);  // to the background
  EXPECT_FALSE(nextChange(stopped, timeline, 4));
}

TEST(ShowState, PauseThenResumeKeepsTheTimeLeft) {
  Timeline timeline = threeCues();
  ShowState show = schedule(playingFrom(100), timeline, {Kind::Pause, 104, -1}, 103);
  show = schedule(show, timeline, {Kind::Resume, 200, -1}, 199);
  auto change = nextChange(show, timeline, 201);
  ASSERT_TRUE(change);
  EXPECT_DOUBLE_EQ(change->at, 206);  // 6 s of cue 0 were left
}

TEST(ShowState, CommandsDueAreFoldedAndNewOnesNeverOvertakePendingOnes) {
  Timeline timeline = threeCues();
  ShowState show = schedule(playingFrom(0), timeline, {Kind::Next, 3, -1}, 1);
  show = schedule(show, timeline, {Kind::Next, 2.5, -1}, 2);  // asked for earlier: queued after
  ASSERT_EQ(show.pending.size(), 2u);
  EXPECT_DOUBLE_EQ(show.pending[1].at, 3);
  EXPECT_EQ(positionAt(show, timeline, 3).cue, 2);
  show = schedule(show, timeline, {Kind::GoTo, 11, 1}, 10);
  ASSERT_EQ(show.pending.size(), 1u);  // both "next"s are in the base now
  EXPECT_EQ(show.base.cue, 2);
  EXPECT_EQ(positionAt(show, timeline, 11).cue, 1);
}

TEST(ShowState, ASeekQueuedAfterANextLandsInTheNextCueAndMovesItsEnd) {
  Timeline timeline = threeCues();
  ShowState show = schedule(playingFrom(100), timeline, {Kind::Next, 103, -1}, 102);
  // Asked for at 102.5: queued at 103, after the next, so it seeks in cue 2 (5 s long).
  show = schedule(show, timeline, {Kind::Seek, 102.5, -1, 4.0}, 102.5);
  ASSERT_EQ(show.pending.size(), 2u);
  EXPECT_DOUBLE_EQ(show.pending[1].at, 103);
  PlaybackPosition at = positionAt(show, timeline, 103.5);
  EXPECT_EQ(at.cue, 1);
  EXPECT_DOUBLE_EQ(at.elapsed, 4.5);
  // Nodes wait for the change the seek moved: 1 s after it, not 5.
  auto change = nextChange(show, timeline, 103.2);
  ASSERT_TRUE(change);
  EXPECT_DOUBLE_EQ(change->at, 104);
  EXPECT_EQ(change->cue, 2);
}

TEST(ShowState, CommandNamesRoundTrip) {
  for (const char* name : {"play", "pause", "resume", "next", "previous", "goto", "stop", "seek"}) {
    auto kind = commandKindNamed(name);
    ASSERT_TRUE(kind) << name;
    EXPECT_EQ(commandKindName(*kind), name);
  }
  EXPECT_FALSE(commandKindNamed("jump"));
}

TEST(LeadTime, FollowsTheSlowestNodeWithinBounds) {
  EXPECT_DOUBLE_EQ(leadTime({}), 0.2);
  EXPECT_NEAR(leadTime({{0.4, 0.001, true}, {0.1, 0.002, true}}), 1.5 * 0.4 + 0.002 + 0.1, 1e-9);
  EXPECT_DOUBLE_EQ(leadTime({{60, 0, true}}), 5.0);
  EXPECT_DOUBLE_EQ(leadTime({{0, 0, false}}), 5.0);
}

TEST(SkewTracker, GroupsReportsOfOneChangeAndMeasuresTheSpread) {
  SkewTracker tracker(3);
  tracker.record("a", 1, 10.0, 10.0002, 10.0001);
  tracker.record("b", 1, 10.0 + 1e-9, 10.0010, 10.0003);
  tracker.record("a", 2, 15.0, 15.0, std::nullopt);
  ASSERT_EQ(tracker.changes().size(), 2u);
  EXPECT_NEAR(tracker.changes()[0].skew(), 0.0008, 1e-9);
  EXPECT_NEAR(*tracker.changes()[0].trueSkew(), 0.0002, 1e-9);
  EXPECT_FALSE(tracker.changes()[1].trueSkew());
  tracker.record("a", 0, 20, 20, std::nullopt);
  tracker.record("a", 1, 25, 25, std::nullopt);
  EXPECT_EQ(tracker.changes().size(), 3u);
  EXPECT_EQ(tracker.changes().front().cue, 2);
}

TEST(Spread, PercentilesOfMeasurements) {
  std::vector<double> values;
  for (int i = 1; i <= 100; ++i) values.push_back(i);
  Spread s = Spread::of(values);
  EXPECT_EQ(s.count, 100);
  EXPECT_DOUBLE_EQ(s.p50, 50);
  EXPECT_DOUBLE_EQ(s.p99, 99);
  EXPECT_DOUBLE_EQ(s.max, 100);
  EXPECT_EQ(Spread::of({}).count, 0);
}

}  // namespace
}  // namespace hw
