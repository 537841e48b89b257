#include <gtest/gtest.h>

#include <thread>

#include "engine/render/PlaybackSchedule.h"

namespace hw {
namespace {

using Kind = PlaybackCommand::Kind;

Timeline twoCues() { return Timeline({{{10, 0, true}, {10, 0, true}}, true}); }

TEST(PlaybackSchedule, CommandsWaitForTheirTime) {
  PlaybackSchedule schedule(twoCues());
  schedule.submit({Kind::Play, 0.0});
  schedule.submit({Kind::GoTo, 5.0, 1});
  EXPECT_EQ(schedule.positionAt(4.9).cue, 0);
  PlaybackPosition at = schedule.positionAt(6.0);
  EXPECT_EQ(at.cue, 1);
  EXPECT_DOUBLE_EQ(at.elapsed, 1.0);
}

TEST(PlaybackSchedule, CommandsApplyInTimeOrderWhateverTheSubmissionOrder) {
  PlaybackSchedule schedule(twoCues());
  schedule.submit({Kind::Pause, 3.0});
  schedule.submit({Kind::Play, 1.0});
  PlaybackPosition at = schedule.positionAt(50.0);
  EXPECT_TRUE(at.paused());
  EXPECT_DOUBLE_EQ(at.elapsed, 2.0);
}

TEST(PlaybackSchedule, EqualTimesKeepSubmissionOrder) {
  PlaybackSchedule schedule(twoCues());
  schedule.submit({Kind::Play, 1.0});
  schedule.submit({Kind::Next, 1.0});
  schedule.submit({Kind::Pause, 1.0});
  PlaybackPosition at = schedule.positionAt(9.0);
  EXPECT_EQ(at.cue, 1);
  EXPECT_TRUE(at.paused());
}

TEST(PlaybackSchedule, ReplaceAdoptsTheMastersStateAndItsScheduledCommands) {
  PlaybackSchedule schedule(twoCues());
  schedule.submit({Kind::Play, 0.0});
  schedule.submit({Kind::Stop, 50.0});  // superseded by the master's schedule
  schedule.replace({PlaybackMode::Playing, 1, 100.0, 0.0, 0},
                   {{Kind::Pause, 106.0}, {Kind::GoTo, 104.0, 0}});
  PlaybackPosition at = schedule.positionAt(103.0);
  EXPECT_EQ(at.cue, 1);
  EXPECT_DOUBLE_EQ(at.elapsed, 3.0);
  PlaybackPosition later = schedule.positionAt(200.0);
  EXPECT_EQ(later.cue, 0);
  EXPECT_TRUE(later.paused());
  EXPECT_DOUBLE_EQ(later.elapsed, 2.0);
}

TEST(PlaybackSchedule, SubmitFromAnotherThreadIsSeenByTheFrameLoop) {
  PlaybackSchedule schedule(twoCues());
  std::thread network([&] { schedule.submit({Kind::GoTo, 2.0, 1}); });
  network.join();
  EXPECT_EQ(schedule.positionAt(2.0).cue, 1);
}

}  // namespace
}  // namespace hw
