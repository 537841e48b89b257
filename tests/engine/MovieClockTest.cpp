#include <gtest/gtest.h>

#include "engine/movie/MovieClock.h"

namespace hw {
namespace {

const MovieFacts kNtsc{{30000, 1001}, 300};  // 29.97 fps, 10.01 s a pass

TEST(MovieClock, AFrameShowsFromTheStartOfItsIntervalToTheNext) {
  MovieClock clock(kNtsc);
  EXPECT_EQ(clock.tickAt(0), 0);
  EXPECT_EQ(clock.tickAt(-3), 0);  // before its cue: the first frame waits
  for (std::int64_t k : {1, 2, 3, 7, 299, 1000}) {
    double start = k * 1001.0 / 30000.0;
    EXPECT_EQ(clock.tickAt(start), k) << "exactly at the start of frame " << k;
    EXPECT_EQ(clock.tickAt(start - 1e-4), k - 1) << "just before frame " << k;
    EXPECT_EQ(clock.tickStart(k), start);
  }
}

TEST(MovieClock, TenHoursIn29_97FpsLandOnTheExactFrame) {
  MovieClock clock(kNtsc);
  // 10 h = 1,078,920 frames of 1001/30000 s: no drift from summing intervals.
  std::int64_t frames = 1'078'920;
  double start = clock.tickStart(frames);
  EXPECT_NEAR(start, 36000.0 * 1.0, 1.0);
  EXPECT_EQ(clock.tickAt(start), frames);
  EXPECT_EQ(clock.tickAt(start + 0.5 * 1001.0 / 30000.0), frames);
  EXPECT_EQ(clock.tickAt(start - 0.5 * 1001.0 / 30000.0), frames - 1);
}

TEST(MovieClock, EveryCommonRateCountsFramesExactly) {
  for (FrameRate rate : {FrameRate{24000, 1001}, FrameRate{30000, 1001}, FrameRate{30, 1},
                         FrameRate{60000, 1001}, FrameRate{60, 1}, FrameRate{25, 1}}) {
    MovieClock clock({rate, 100});
    for (std::int64_t k = 0; k < 5000; k += 37)
      ASSERT_EQ(clock.tickAt(clock.tickStart(k)), k)
          << rate.num << "/" << rate.den << " frame " << k;
  }
}

TEST(MovieClock, LoopsWrapAtTheMoviesLengthWithNoFrameLostOrRepeated) {
  MovieClock clock(kNtsc);
  for (std::int64_t tick = 295; tick < 305; ++tick) {
    EXPECT_EQ(clock.frameOfTick(tick), tick % 300);
    EXPECT_EQ(clock.passOfTick(tick), tick / 300);
  }
  EXPECT_EQ(clock.frameOfTick(299), 299);
  EXPECT_EQ(clock.frameOfTick(300), 0);
  EXPECT_EQ(clock.passOfTick(300 * 1000 + 5), 1000);
}

TEST(MovieClock, TimestampsMapToFrameNumbersAndBack) {
  MovieClock clock(kNtsc);
  // MP4 from ffmpeg at 29.97: time base 1/30000, 1001 ticks a frame, first frame at 0.
  for (std::int64_t frame : {0, 1, 2, 150, 299}) {
    std::int64_t pts = clock.timestampOfFrame(frame, 0, 1, 30000);
    EXPECT_EQ(pts, frame * 1001);
    EXPECT_EQ(clock.frameOfTimestamp(pts, 0, 1, 30000), frame);
  }
  // Matroska counts milliseconds and rounds: 33, 67, 100 ... still frames 1, 2, 3.
  EXPECT_EQ(clock.frameOfTimestamp(33, 0, 1, 1000), 1);
  EXPECT_EQ(clock.frameOfTimestamp(67, 0, 1, 1000), 2);
  EXPECT_EQ(clock.frameOfTimestamp(100, 0, 1, 1000), 3);
  // A stream that starts late counts from its own first frame.
  EXPECT_EQ(clock.frameOfTimestamp(1001 * 12 + 5000, 5000, 1, 30000), 12);
}

}  // namespace
}  // namespace hw
