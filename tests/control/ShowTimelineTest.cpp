#include "engine/control/ShowTimeline.h"

#include <gtest/gtest.h>

namespace hw {
namespace {

Playlist showOf(std::vector<double> durations, bool loop = true) {
  Playlist p;
  p.loop = loop;
  for (double d : durations) {
    Cue cue;
    cue.durationSeconds = d;
    p.cues.push_back(cue);
  }
  return p;
}

TEST(ShowTimeline, PlaysCuesInTurnAndLoops) {
  ShowTimeline t(showOf({10, 5}));
  ASSERT_TRUE(t.play(100));
  EXPECT_EQ(t.cue(), 0);
  EXPECT_DOUBLE_EQ(t.timeLeft(104), 6);
  EXPECT_FALSE(t.advance(109.9));
  EXPECT_TRUE(t.advance(110));
  EXPECT_EQ(t.cue(), 1);
  EXPECT_TRUE(t.advance(115.5));
  EXPECT_EQ(t.cue(), 0);
  EXPECT_DOUBLE_EQ(t.timeLeft(115.5), 9.5);  // started at 115, not when advance was called
}

TEST(ShowTimeline, StopsAfterTheLastCueWhenNotLooping) {
  ShowTimeline t(showOf({1, 1}, false));
  t.play(0);
  EXPECT_TRUE(t.advance(2.5));
  EXPECT_EQ(t.state(), PlayState::Stopped);
  EXPECT_EQ(t.cue(), -1);
}

TEST(ShowTimeline, PauseFreezesTimeLeftAndResumeKeepsIt) {
  ShowTimeline t(showOf({10}));
  t.play(0);
  ASSERT_TRUE(t.pause(3));
  EXPECT_DOUBLE_EQ(t.timeLeft(50), 7);
  EXPECT_FALSE(t.advance(50));
  ASSERT_TRUE(t.resume(50));
  EXPECT_DOUBLE_EQ(t.timeLeft(51), 6);
  EXPECT_FALSE(t.pause(51) && t.pause(52));  // a second pause is refused
}

TEST(ShowTimeline, RefusesCommandsThatDoNotFitTheState) {
  ShowTimeline t(showOf({10, 10}, false));
  EXPECT_FALSE(t.pause(0));
  EXPECT_FALSE(t.resume(0));
  EXPECT_FALSE(t.previous(0));
  t.goTo(1, 0);
  EXPECT_FALSE(t.next(0));
  EXPECT_EQ(t.cue(), 1);
}

TEST(ShowTimeline, GoToWhileStoppedHoldsTheCuePaused) {
  ShowTimeline t(showOf({10, 10, 10}));
  ASSERT_TRUE(t.goTo(2, 5));
  EXPECT_EQ(t.state(), PlayState::Paused);
  EXPECT_DOUBLE_EQ(t.timeLeft(100), 10);
  ASSERT_TRUE(t.play(100));
  EXPECT_EQ(t.cue(), 2);
  EXPECT_TRUE(t.advance(110));
  EXPECT_EQ(t.cue(), 0);
}

TEST(ShowTimeline, SkipsCuesThatCannotPlay) {
  Playlist p = showOf({1, 1, 1});
  p.cues[1].playable = false;
  ShowTimeline t(p);
  t.play(0);
  EXPECT_TRUE(t.next(0));
  EXPECT_EQ(t.cue(), 2);
  EXPECT_TRUE(t.previous(0));
  EXPECT_EQ(t.cue(), 0);
  EXPECT_FALSE(t.goTo(1, 0));
  EXPECT_EQ(t.cue(), 0);
}

TEST(ShowTimeline, ZeroLengthCuesDoNotSpin) {
  ShowTimeline t(showOf({0, 0}));
  t.play(0);
  EXPECT_GT(t.nextChangeAt(), 0.0);
}

}  // namespace
}  // namespace hw
