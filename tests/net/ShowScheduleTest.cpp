#include <gtest/gtest.h>

#include <stdexcept>

#include "engine/net/LeadTime.h"
#include "engine/net/ShowCommand.h"
#include "engine/net/ShowSchedule.h"
#include "engine/net/SkewTracker.h"
#include "engine/net/SyncStatus.h"

namespace hw {
namespace {

using Mode = Timeline::Mode;

ShowSchedule threeCues(bool loop = true) { return {{10, 5, 20}, loop}; }

ShowState playingFrom(double t) { return {1, {{t, Mode::Playing, 0, t, 0}}}; }

TEST(ShowSchedule, PositionWalksTheCueDurations) {
  ShowState state = playingFrom(100);
  ShowSchedule schedule = threeCues();
  EXPECT_EQ(positionAt(state, schedule, 99).cue, -1);  // before the show starts: standby
  EXPECT_EQ(positionAt(state, schedule, 100), (ShowPosition{0, 100, Mode::Playing}));
  EXPECT_EQ(positionAt(state, schedule, 112), (ShowPosition{1, 110, Mode::Playing}));
  EXPECT_EQ(positionAt(state, schedule, 115), (ShowPosition{2, 115, Mode::Playing}));
  EXPECT_EQ(positionAt(state, schedule, 135), (ShowPosition{0, 135, Mode::Playing}));
}

TEST(ShowSchedule, DaysOfLoopingLandOnTheSameCueBoundaries) {
  ShowState state = playingFrom(0);
  ShowSchedule schedule = threeCues();
  double threeDays = 3 * 86400.0;  // 7405 loops of 35 s, then 25 s: into cue 2
  ShowPosition p = positionAt(state, schedule, threeDays);
  EXPECT_EQ(p.cue, 2);
  EXPECT_NEAR(p.since, 7405 * 35.0 + 15, 1e-6);
  auto change = nextChange(state, schedule, threeDays);
  ASSERT_TRUE(change);
  EXPECT_NEAR(change->at, 7406 * 35.0, 1e-6);
  EXPECT_EQ(change->cue, 0);
}

TEST(ShowSchedule, WithoutLoopTheLastCueHolds) {
  ShowState state = playingFrom(0);
  ShowSchedule schedule = threeCues(false);
  EXPECT_EQ(positionAt(state, schedule, 1000).cue, 2);
  EXPECT_FALSE(nextChange(state, schedule, 40));
}

TEST(ShowSchedule, UnplayableCuesAreSkipped) {
  ShowSchedule schedule{{10, 0, 5}, true};
  ShowState state = playingFrom(0);
  EXPECT_EQ(positionAt(state, schedule, 11).cue, 2);
  EXPECT_EQ(schedule.after(0), 2);
  EXPECT_EQ(schedule.before(2), 0);
}

TEST(ShowSchedule, NextChangeIsTheNextCueBoundary) {
  ShowState state = playingFrom(100);
  auto change = nextChange(state, threeCues(), 101);
  ASSERT_TRUE(change);
  EXPECT_DOUBLE_EQ(change->at, 110);
  EXPECT_EQ(change->cue, 1);
  auto start = nextChange(state, threeCues(), 50);
  ASSERT_TRUE(start);
  EXPECT_DOUBLE_EQ(start->at, 100);
  EXPECT_EQ(start->cue, 0);
}

TEST(ShowCommand, NextTakesEffectAtTheScheduledTimeNotBefore) {
  ShowSchedule schedule = threeCues();
  ShowState state = applyCommand(playingFrom(100), schedule, {ShowCommand::Action::Next}, 102, 102.5);
  EXPECT_EQ(state.sequence, 2u);
  EXPECT_EQ(positionAt(state, schedule, 102.4).cue, 0);
  EXPECT_EQ(positionAt(state, schedule, 102.5), (ShowPosition{1, 102.5, Mode::Playing}));
  auto change = nextChange(state, schedule, 102.1);
  ASSERT_TRUE(change);
  EXPECT_DOUBLE_EQ(change->at, 102.5);
  EXPECT_EQ(change->cue, 1);
}

TEST(ShowCommand, PauseFreezesAndResumeKeepsTheTimeLeft) {
  ShowSchedule schedule = threeCues();
  ShowState state = playingFrom(100);
  state = applyCommand(state, schedule, {ShowCommand::Action::Pause}, 103, 104);  // 4 s into cue 0
  EXPECT_EQ(positionAt(state, schedule, 500).cue, 0);
  EXPECT_EQ(positionAt(state, schedule, 500).mode, Mode::Paused);
  EXPECT_FALSE(nextChange(state, schedule, 200));
  state = applyCommand(state, schedule, {ShowCommand::Action::Pause}, 150, 151);  // no-op
  state = applyCommand(state, schedule, {ShowCommand::Action::Resume}, 199, 200);
  // 6 s of cue 0 were left.
  EXPECT_EQ(positionAt(state, schedule, 205.9).cue, 0);
  EXPECT_EQ(positionAt(state, schedule, 206.1).cue, 1);
}

TEST(ShowCommand, PreviousGoToAndStop) {
  ShowSchedule schedule = threeCues();
  ShowState state = playingFrom(0);
  state = applyCommand(state, schedule, {ShowCommand::Action::Previous}, 1, 2);
  EXPECT_EQ(positionAt(state, schedule, 2).cue, 2);  // wraps to the last cue
  state = applyCommand(state, schedule, {ShowCommand::Action::GoTo, 1}, 3, 4);
  EXPECT_EQ(positionAt(state, schedule, 4).cue, 1);
  state = applyCommand(state, schedule, {ShowCommand::Action::Stop}, 5, 6);
  EXPECT_EQ(positionAt(state, schedule, 6).mode, Mode::Stopped);
  EXPECT_EQ(positionAt(state, schedule, 6).cue, -1);
  state = applyCommand(state, schedule, {ShowCommand::Action::Next}, 7, 8);
  EXPECT_EQ(positionAt(state, schedule, 8).cue, 0);
  EXPECT_THROW(applyCommand(state, schedule, {ShowCommand::Action::GoTo, 7}, 9, 10),
               std::invalid_argument);
}

TEST(ShowCommand, TimelinesNoLongerInForceAreDroppedAndCommandsKeepOrder) {
  ShowSchedule schedule = threeCues();
  ShowState state = playingFrom(0);
  state = applyCommand(state, schedule, {ShowCommand::Action::Next}, 1, 3);
  // Asked to take effect before the pending "next": it takes effect with it,
  // from where that one leaves the show (two presses, two cues on).
  state = applyCommand(state, schedule, {ShowCommand::Action::Next}, 2, 2.5);
  ASSERT_EQ(state.timelines.size(), 2u);
  EXPECT_EQ(positionAt(state, schedule, 3).cue, 2);
  state = applyCommand(state, schedule, {ShowCommand::Action::Pause}, 10, 11);
  ASSERT_EQ(state.timelines.size(), 2u);  // only the one in force at 10 and the new one
  EXPECT_DOUBLE_EQ(state.timelines.front().effectiveAt, 3);
}

TEST(ShowCommand, ActionNamesRoundTrip) {
  for (const char* name : {"play", "pause", "resume", "next", "previous", "goto", "stop"}) {
    auto action = ShowCommand::parseAction(name);
    ASSERT_TRUE(action) << name;
    EXPECT_EQ(ShowCommand::actionName(*action), name);
  }
  EXPECT_FALSE(ShowCommand::parseAction("jump"));
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
