#include <gtest/gtest.h>

#include <cmath>

#include "engine/render/Timeline.h"

namespace hw {
namespace {

using Kind = PlaybackCommand::Kind;

// Three cues: 10 s cut, 5 s with a 2 s fade, 8 s with a 1 s fade.
TimelineSpec threeCues(bool loop) { return {{{10, 0, true}, {5, 2, true}, {8, 1, true}}, loop}; }

PlaybackState playingFrom(const Timeline& timeline, double t) {
  return timeline.apply({}, {Kind::Play, t});
}

TEST(Timeline, StoppedShowsNothing) {
  Timeline timeline(threeCues(true));
  PlaybackPosition at = timeline.positionAt({}, 5.0);
  EXPECT_EQ(at.cue, -1);
  EXPECT_EQ(at.mode, PlaybackMode::Stopped);
}

TEST(Timeline, PlayStartsTheFirstCueFromBackground) {
  Timeline timeline(threeCues(true));
  PlaybackState state = playingFrom(timeline, 100.0);
  PlaybackPosition at = timeline.positionAt(state, 103.5);
  EXPECT_EQ(at.cue, 0);
  EXPECT_DOUBLE_EQ(at.cueStart, 100.0);
  EXPECT_DOUBLE_EQ(at.elapsed, 3.5);
  EXPECT_DOUBLE_EQ(at.remaining, 6.5);
  EXPECT_EQ(at.previousCue, -1);
  EXPECT_EQ(at.nextCue, 1);
  EXPECT_TRUE(at.settled());  // cut
}

TEST(Timeline, CuesFollowByDuration) {
  Timeline timeline(threeCues(false));
  PlaybackState state = playingFrom(timeline, 0.0);
  EXPECT_EQ(timeline.positionAt(state, 9.999).cue, 0);
  PlaybackPosition second = timeline.positionAt(state, 10.0);
  EXPECT_EQ(second.cue, 1);
  EXPECT_DOUBLE_EQ(second.cueStart, 10.0);
  EXPECT_EQ(second.previousCue, 0);
  PlaybackPosition third = timeline.positionAt(state, 16.0);
  EXPECT_EQ(third.cue, 2);
  EXPECT_DOUBLE_EQ(third.elapsed, 1.0);
  EXPECT_EQ(third.previousCue, 1);
}

TEST(Timeline, CrossfadeProgressRunsFromTheCueStart) {
  Timeline timeline(threeCues(false));
  PlaybackState state = playingFrom(timeline, 0.0);
  EXPECT_DOUBLE_EQ(timeline.positionAt(state, 10.0).transition, 0.0);
  EXPECT_DOUBLE_EQ(timeline.positionAt(state, 11.0).transition, 0.5);
  EXPECT_DOUBLE_EQ(timeline.positionAt(state, 12.0).transition, 1.0);
  EXPECT_DOUBLE_EQ(timeline.positionAt(state, 14.0).transition, 1.0);
}

TEST(Timeline, HoldsTheLastCueWhenNotLooping) {
  Timeline timeline(threeCues(false));
  PlaybackState state = playingFrom(timeline, 0.0);
  PlaybackPosition end = timeline.positionAt(state, 1000.0);
  EXPECT_EQ(end.cue, 2);
  EXPECT_TRUE(end.finished);
  EXPECT_EQ(end.nextCue, -1);
  EXPECT_DOUBLE_EQ(end.remaining, 0.0);
  EXPECT_TRUE(end.settled());
  EXPECT_FALSE(timeline.positionAt(state, 22.9).finished);
  EXPECT_TRUE(timeline.positionAt(state, 23.0).finished);
}

TEST(Timeline, LoopsBackToTheFirstCue) {
  Timeline timeline(threeCues(true));
  PlaybackState state = playingFrom(timeline, 0.0);
  PlaybackPosition wrapped = timeline.positionAt(state, 23.5);
  EXPECT_EQ(wrapped.cue, 0);
  EXPECT_DOUBLE_EQ(wrapped.cueStart, 23.0);
  EXPECT_EQ(wrapped.previousCue, 2);
  EXPECT_EQ(timeline.positionAt(state, 22.0).nextCue, 0);
}

TEST(Timeline, LongRunsSkipWholeLoopsExactly) {
  Timeline timeline(threeCues(true));
  PlaybackState state = playingFrom(timeline, 0.0);
  // 100000 loops of 23 s, then 12 s in: cue 1 (starts at 10 s), 2 s in.
  double t = 100000.0 * 23.0 + 12.0;
  PlaybackPosition at = timeline.positionAt(state, t);
  EXPECT_EQ(at.cue, 1);
  EXPECT_NEAR(at.elapsed, 2.0, 1e-6);
  EXPECT_EQ(at.previousCue, 0);
}

TEST(Timeline, UnplayableCuesAreSkipped) {
  Timeline timeline({{{4, 0, false}, {5, 0, true}, {6, 0, false}, {7, 0, true}}, true});
  PlaybackState state = playingFrom(timeline, 0.0);
  EXPECT_EQ(timeline.positionAt(state, 0.0).cue, 1);
  EXPECT_EQ(timeline.positionAt(state, 5.0).cue, 3);
  PlaybackPosition wrapped = timeline.positionAt(state, 12.5);
  EXPECT_EQ(wrapped.cue, 1);
  EXPECT_EQ(wrapped.previousCue, 3);
  EXPECT_EQ(timeline.apply(state, {Kind::GoTo, 1.0, 2}), timeline.apply(state, {Kind::Play, 1.0}));
}

TEST(Timeline, ShowWithoutPlayableCuesStaysStopped) {
  Timeline timeline({{{4, 0, false}}, true});
  PlaybackState state = playingFrom(timeline, 0.0);
  EXPECT_EQ(state.mode, PlaybackMode::Stopped);
  EXPECT_EQ(timeline.positionAt(state, 3.0).cue, -1);
  EXPECT_EQ(Timeline({{}, true}).positionAt(playingFrom(Timeline({{}, true}), 0), 1).cue, -1);
}

TEST(Timeline, PauseFreezesCueAndElapsed) {
  Timeline timeline(threeCues(true));
  PlaybackState state = playingFrom(timeline, 0.0);
  state = timeline.apply(state, {Kind::Pause, 4.0});
  for (double t : {4.0, 9.0, 50.0, 5000.0}) {
    PlaybackPosition at = timeline.positionAt(state, t);
    EXPECT_EQ(at.cue, 0);
    EXPECT_DOUBLE_EQ(at.elapsed, 4.0);
    EXPECT_TRUE(at.paused());
  }
}

TEST(Timeline, ResumeContinuesWhereItStopped) {
  Timeline timeline(threeCues(true));
  PlaybackState state = playingFrom(timeline, 0.0);
  state = timeline.apply(state, {Kind::Pause, 4.0});
  state = timeline.apply(state, {Kind::Resume, 30.0});
  PlaybackPosition at = timeline.positionAt(state, 31.0);
  EXPECT_EQ(at.cue, 0);
  EXPECT_DOUBLE_EQ(at.elapsed, 5.0);
  EXPECT_DOUBLE_EQ(at.cueStart, 26.0);
  EXPECT_EQ(timeline.positionAt(state, 36.0).cue, 1);
}

TEST(Timeline, PauseMidCrossfadeFreezesTheFade) {
  Timeline timeline(threeCues(true));
  PlaybackState state = playingFrom(timeline, 0.0);
  state = timeline.apply(state, {Kind::Pause, 11.0});
  PlaybackPosition at = timeline.positionAt(state, 60.0);
  EXPECT_EQ(at.cue, 1);
  EXPECT_EQ(at.previousCue, 0);
  EXPECT_DOUBLE_EQ(at.transition, 0.5);
}

TEST(Timeline, PlayWhilePausedResumes) {
  Timeline timeline(threeCues(true));
  PlaybackState paused = timeline.apply(playingFrom(timeline, 0.0), {Kind::Pause, 4.0});
  EXPECT_EQ(timeline.apply(paused, {Kind::Play, 9.0}), timeline.apply(paused, {Kind::Resume, 9.0}));
}

TEST(Timeline, PauseAndResumeOutOfPlaceChangeNothing) {
  Timeline timeline(threeCues(true));
  PlaybackState playing = playingFrom(timeline, 0.0);
  PlaybackState resumed = timeline.apply(playing, {Kind::Resume, 3.0});
  EXPECT_DOUBLE_EQ(timeline.positionAt(resumed, 5.0).elapsed, 5.0);
  EXPECT_EQ(timeline.apply({}, {Kind::Pause, 3.0}).mode, PlaybackMode::Stopped);
}

TEST(Timeline, NextStartsTheFollowingCueNowAndFadesFromWhatWasShown) {
  Timeline timeline(threeCues(true));
  PlaybackState state = timeline.apply(playingFrom(timeline, 0.0), {Kind::Next, 3.0});
  PlaybackPosition at = timeline.positionAt(state, 4.0);
  EXPECT_EQ(at.cue, 1);
  EXPECT_DOUBLE_EQ(at.cueStart, 3.0);
  EXPECT_EQ(at.previousCue, 0);
  EXPECT_DOUBLE_EQ(at.transition, 0.5);
}

TEST(Timeline, NextWrapsWhenLoopingAndHoldsOtherwise) {
  Timeline looping(threeCues(true));
  PlaybackState last = looping.apply(playingFrom(looping, 0.0), {Kind::GoTo, 1.0, 2});
  EXPECT_EQ(looping.positionAt(looping.apply(last, {Kind::Next, 2.0}), 2.0).cue, 0);

  Timeline holding(threeCues(false));
  PlaybackState end = holding.apply(playingFrom(holding, 0.0), {Kind::GoTo, 1.0, 2});
  PlaybackState after = holding.apply(end, {Kind::Next, 2.0});
  EXPECT_EQ(holding.positionAt(after, 2.5).cue, 2);
  EXPECT_DOUBLE_EQ(holding.positionAt(after, 2.5).elapsed, 1.5);
}

TEST(Timeline, PreviousGoesBackAndRestartsTheFirstCue) {
  Timeline timeline(threeCues(false));
  PlaybackState state = playingFrom(timeline, 0.0);
  PlaybackState back = timeline.apply(state, {Kind::Previous, 12.0});  // from cue 1
  EXPECT_EQ(timeline.positionAt(back, 12.0).cue, 0);
  EXPECT_EQ(timeline.positionAt(back, 12.0).previousCue, 1);
  PlaybackState restarted = timeline.apply(state, {Kind::Previous, 7.0});  // from cue 0
  EXPECT_EQ(timeline.positionAt(restarted, 7.0).cue, 0);
  EXPECT_DOUBLE_EQ(timeline.positionAt(restarted, 8.0).elapsed, 1.0);

  Timeline looping(threeCues(true));
  PlaybackState wrapped = looping.apply(playingFrom(looping, 0.0), {Kind::Previous, 1.0});
  EXPECT_EQ(looping.positionAt(wrapped, 1.0).cue, 2);
}

TEST(Timeline, GoToLandsOnTheCueAtTheCommandTime) {
  Timeline timeline(threeCues(true));
  PlaybackState state = timeline.apply(playingFrom(timeline, 0.0), {Kind::GoTo, 4.0, 2});
  PlaybackPosition at = timeline.positionAt(state, 4.25);
  EXPECT_EQ(at.cue, 2);
  EXPECT_DOUBLE_EQ(at.elapsed, 0.25);
  EXPECT_EQ(at.previousCue, 0);
  EXPECT_DOUBLE_EQ(at.transition, 0.25);
}

TEST(Timeline, GoToFromStoppedStartsPlaying) {
  Timeline timeline(threeCues(true));
  PlaybackState state = timeline.apply({}, {Kind::GoTo, 2.0, 1});
  PlaybackPosition at = timeline.positionAt(state, 3.0);
  EXPECT_EQ(at.mode, PlaybackMode::Playing);
  EXPECT_EQ(at.cue, 1);
  EXPECT_EQ(at.previousCue, -1);
}

TEST(Timeline, GoToOutOfRangeIsIgnored) {
  Timeline timeline(threeCues(true));
  PlaybackState state = playingFrom(timeline, 0.0);
  for (int bad : {-1, 3, 99}) {
    PlaybackState after = timeline.apply(state, {Kind::GoTo, 4.0, bad});
    EXPECT_EQ(timeline.positionAt(after, 4.0).cue, 0) << bad;
    EXPECT_DOUBLE_EQ(timeline.positionAt(after, 4.0).elapsed, 4.0) << bad;
  }
}

TEST(Timeline, NavigationWhilePausedStaysPaused) {
  Timeline timeline(threeCues(true));
  PlaybackState paused = timeline.apply(playingFrom(timeline, 0.0), {Kind::Pause, 2.0});
  PlaybackState moved = timeline.apply(paused, {Kind::Next, 5.0});
  PlaybackPosition at = timeline.positionAt(moved, 50.0);
  EXPECT_TRUE(at.paused());
  EXPECT_EQ(at.cue, 1);
  EXPECT_DOUBLE_EQ(at.elapsed, 0.0);
  PlaybackState resumed = timeline.apply(moved, {Kind::Resume, 60.0});
  EXPECT_DOUBLE_EQ(timeline.positionAt(resumed, 61.0).elapsed, 1.0);
}

// A crossfade frozen at its start would show the cue that was left, not the one asked for.
TEST(Timeline, CueChosenWhilePausedIsShownAtOnce) {
  Timeline timeline(threeCues(true));  // cue 2 fades in over 2 s, cue 3 over 1 s
  PlaybackState paused = timeline.apply(playingFrom(timeline, 0.0), {Kind::Pause, 2.0});
  for (Kind kind : {Kind::GoTo, Kind::Next}) {
    PlaybackState moved = timeline.apply(paused, {kind, 5.0, 1});
    PlaybackPosition at = timeline.positionAt(moved, 50.0);
    EXPECT_EQ(at.cue, 1);
    EXPECT_TRUE(at.paused());
    EXPECT_TRUE(at.settled()) << "transition " << at.transition;
    PlaybackState resumed = timeline.apply(moved, {Kind::Resume, 60.0});
    EXPECT_TRUE(timeline.positionAt(resumed, 60.5).settled());
  }
  // Playing, the same command still crossfades.
  PlaybackState playing = timeline.apply(playingFrom(timeline, 0.0), {Kind::GoTo, 5.0, 1});
  EXPECT_DOUBLE_EQ(timeline.positionAt(playing, 6.0).transition, 0.5);
}

TEST(Timeline, StopReturnsToBackground) {
  Timeline timeline(threeCues(true));
  PlaybackState stopped = timeline.apply(playingFrom(timeline, 0.0), {Kind::Stop, 3.0});
  EXPECT_EQ(timeline.positionAt(stopped, 4.0).cue, -1);
  EXPECT_EQ(timeline.apply(stopped, {Kind::Next, 5.0}), stopped);
}

TEST(Timeline, PlayAfterTheEndStartsOver) {
  Timeline timeline(threeCues(false));
  PlaybackState state = playingFrom(timeline, 0.0);
  PlaybackState again = timeline.apply(state, {Kind::Play, 100.0});
  PlaybackPosition at = timeline.positionAt(again, 100.0);
  EXPECT_EQ(at.cue, 0);
  EXPECT_EQ(at.previousCue, 2);
  EXPECT_FALSE(at.finished);
  // Play while playing changes nothing.
  EXPECT_DOUBLE_EQ(timeline.positionAt(timeline.apply(state, {Kind::Play, 3.0}), 4.0).elapsed, 4.0);
}

PlaybackCommand seekTo(double at, double position) {
  PlaybackCommand seek{Kind::Seek, at};
  seek.position = position;
  return seek;
}

TEST(Timeline, SeekWhilePlayingMovesTheCueStartSoTimeRunsOnFromThePosition) {
  Timeline timeline(threeCues(true));
  PlaybackState state = playingFrom(timeline, 100.0);
  PlaybackState sought = timeline.apply(state, seekTo(102.0, 7.5));
  EXPECT_DOUBLE_EQ(sought.cueStart, 94.5);  // at - position
  PlaybackPosition at = timeline.positionAt(sought, 102.0);
  EXPECT_EQ(at.cue, 0);
  EXPECT_EQ(at.mode, PlaybackMode::Playing);
  EXPECT_DOUBLE_EQ(at.elapsed, 7.5);
  EXPECT_DOUBLE_EQ(at.remaining, 2.5);
  EXPECT_DOUBLE_EQ(timeline.positionAt(sought, 104.0).elapsed, 9.5);
  // The cue then ends 2.5 s after the seek, not 10 s after its start.
  PlaybackPosition next = timeline.positionAt(sought, 104.5);
  EXPECT_EQ(next.cue, 1);
  EXPECT_DOUBLE_EQ(next.cueStart, 104.5);
  // Backwards too: the same cue from its start again.
  PlaybackPosition back = timeline.positionAt(timeline.apply(state, seekTo(108.0, 0.0)), 109.0);
  EXPECT_EQ(back.cue, 0);
  EXPECT_DOUBLE_EQ(back.elapsed, 1.0);
}

TEST(Timeline, SeekActsOnTheCueOnTheWallAtItsTime) {
  // Cue 1 (index 1) runs 10..15: a seek at 12 lands in it, not in the cue first commanded.
  Timeline timeline(threeCues(false));
  PlaybackPosition at =
      timeline.positionAt(timeline.apply(playingFrom(timeline, 0.0), seekTo(12.0, 4.0)), 12.5);
  EXPECT_EQ(at.cue, 1);
  EXPECT_DOUBLE_EQ(at.elapsed, 4.5);
  // A show holding its last cue plays it again from the position.
  PlaybackPosition held =
      timeline.positionAt(timeline.apply(playingFrom(timeline, 0.0), seekTo(100.0, 3.0)), 101.0);
  EXPECT_EQ(held.cue, 2);
  EXPECT_FALSE(held.finished);
  EXPECT_DOUBLE_EQ(held.elapsed, 4.0);
}

TEST(Timeline, SeekMidCrossfadeSettlesTheCue) {
  // Cue index 1 fades in over 2 s from 10: at 10.5 it is a quarter in.
  Timeline timeline(threeCues(false));
  PlaybackState state = playingFrom(timeline, 0.0);
  ASSERT_DOUBLE_EQ(timeline.positionAt(state, 10.5).transition, 0.25);
  PlaybackState sought = timeline.apply(state, seekTo(10.5, 0.5));
  PlaybackPosition at = timeline.positionAt(sought, 10.5);
  EXPECT_EQ(at.cue, 1);
  EXPECT_TRUE(at.settled());
  EXPECT_EQ(at.previousCue, 1);  // nothing to fade from
  // Even a seek to the cue's start shows it whole, with no fade.
  EXPECT_TRUE(timeline.positionAt(timeline.apply(state, seekTo(10.5, 0.0)), 10.6).settled());
}

TEST(Timeline, SeekWhilePausedShowsThePositionFrozenAndResumeRunsFromIt) {
  Timeline timeline(threeCues(true));
  PlaybackState paused = timeline.apply(playingFrom(timeline, 0.0), {Kind::Pause, 3.0});
  PlaybackState sought = timeline.apply(paused, seekTo(20.0, 8.0));
  PlaybackPosition frozen = timeline.positionAt(sought, 50.0);
  EXPECT_EQ(frozen.mode, PlaybackMode::Paused);
  EXPECT_EQ(frozen.cue, 0);
  EXPECT_DOUBLE_EQ(frozen.elapsed, 8.0);
  EXPECT_DOUBLE_EQ(frozen.remaining, 2.0);
  PlaybackState resumed = timeline.apply(sought, {Kind::Resume, 60.0});
  PlaybackPosition running = timeline.positionAt(resumed, 61.0);
  EXPECT_EQ(running.mode, PlaybackMode::Playing);
  EXPECT_EQ(running.cue, 0);
  EXPECT_DOUBLE_EQ(running.elapsed, 9.0);
  EXPECT_EQ(timeline.positionAt(resumed, 62.0).cue, 1);  // 2 s after the resume
}

TEST(Timeline, SeekWhileStoppedOrOutsideTheCueChangesNothing) {
  Timeline timeline(threeCues(true));
  PlaybackState stopped;
  EXPECT_EQ(timeline.apply(stopped, seekTo(5.0, 1.0)), stopped);
  PlaybackState state = playingFrom(timeline, 0.0);
  PlaybackState expected = timeline.apply(state, {Kind::Play, 2.0});  // re-anchored, unchanged
  for (double position : {10.0, 10.5, -0.1, std::nan(""), 1e300})
    EXPECT_EQ(timeline.apply(state, seekTo(2.0, position)), expected) << position;
  EXPECT_DOUBLE_EQ(timeline.positionAt(timeline.apply(state, seekTo(2.0, 9.999)), 2.0).elapsed,
                   9.999);
}

TEST(Timeline, MasterStateEvaluatesTheSameOnEveryNode) {
  // "cue 1 started at master time 500": a node that joins at 507 computes the same wall.
  Timeline timeline(threeCues(true));
  PlaybackState master{PlaybackMode::Playing, 1, 500.0, 0.0, 0};
  PlaybackPosition late = timeline.positionAt(master, 507.0);
  EXPECT_EQ(late.cue, 2);
  EXPECT_DOUBLE_EQ(late.cueStart, 505.0);
  EXPECT_DOUBLE_EQ(late.elapsed, 2.0);
  EXPECT_EQ(late.previousCue, 1);
}

TEST(Timeline, FadeLongerThanTheCueEndsWithIt) {
  Timeline timeline({{{2, 0, true}, {1, 4, true}}, false});
  PlaybackState state = playingFrom(timeline, 0.0);
  EXPECT_DOUBLE_EQ(timeline.positionAt(state, 2.5).transition, 0.5);
}

TEST(Timeline, ZeroLengthCuesCannotHangALoop) {
  Timeline timeline({{{0, 0, true}, {0, 0, true}}, true});
  PlaybackPosition at = timeline.positionAt(playingFrom(timeline, 0.0), 1e6);
  EXPECT_GE(at.cue, 0);
}

TEST(TimelineSpec, ReadsDurationsFadesAndLoopFromThePlaylist) {
  Playlist playlist;
  playlist.loop = false;
  Cue fade;
  fade.durationSeconds = 7;
  fade.transition = {TransitionType::Crossfade, 1.5};
  Cue cut = fade;
  cut.transition = {TransitionType::Cut, 3.0};
  cut.playable = false;
  playlist.cues = {fade, cut};
  TimelineSpec spec = timelineSpecFor(playlist);
  EXPECT_FALSE(spec.loop);
  ASSERT_EQ(spec.cues.size(), 2u);
  EXPECT_DOUBLE_EQ(spec.cues[0].durationSeconds, 7.0);
  EXPECT_DOUBLE_EQ(spec.cues[0].fadeSeconds, 1.5);
  EXPECT_DOUBLE_EQ(spec.cues[1].fadeSeconds, 0.0);
  EXPECT_FALSE(spec.cues[1].playable);
}

}  // namespace
}  // namespace hw
