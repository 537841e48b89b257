#include "engine/render/PlaybackSchedule.h"

#include <gtest/gtest.h>

#include <thread>

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

TEST(PlaybackSchedule, ReplaceAdoptsTheMastersState) {
  PlaybackSchedule schedule(twoCues());
  schedule.submit({Kind::Play, 0.0});
  schedule.replace({PlaybackMode::Playing, 1, 100.0, 0.0, 0});
  PlaybackPosition at = schedule.positionAt(103.0);
  EXPECT_EQ(at.cue, 1);
  EXPECT_DOUBLE_EQ(at.elapsed, 3.0);
}

TEST(PlaybackSchedule, SubmitFromAnotherThreadIsSeenByTheFrameLoop) {
  PlaybackSchedule schedule(twoCues());
  std::thread network([&] { schedule.submit({Kind::GoTo, 2.0, 1}); });
  network.join();
  EXPECT_EQ(schedule.positionAt(2.0).cue, 1);
}

}  // namespace
}  // namespace hw
