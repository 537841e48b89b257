#include <gtest/gtest.h>

#include <limits>

#include "engine/net/DecodeRate.h"
#include "engine/net/MovieFiguresJson.h"

namespace hw {
namespace {

TEST(DecodeRate, FramesComposedPerSecondOverTheLastSeconds) {
  DecodeRate rate;
  // 60 draws a second; the decoder makes 30 pictures a second.
  for (int i = 0; i <= 120; ++i) rate.add(i / 60.0, 2, i / 2);
  EXPECT_NEAR(rate.perSecond(), 30, 0.6);
  // It slows to 10 a second: after the window, only the new pace counts.
  std::int64_t composed = 60;
  for (int i = 1; i <= 4 * 60; ++i) rate.add(2 + i / 60.0, 2, composed + i / 6);
  EXPECT_NEAR(rate.perSecond(), 10, 0.6);
}

TEST(DecodeRate, TellsNothingUntilHalfASecondAndStartsOverOnAnotherCueOrPlayback) {
  DecodeRate rate;
  rate.add(0, 1, 0);
  rate.add(0.3, 1, 9);
  EXPECT_EQ(rate.perSecond(), 0) << "0.3 s of samples is too short to tell";
  rate.add(1.0, 1, 30);
  EXPECT_NEAR(rate.perSecond(), 30, 1e-9);
  rate.add(1.1, 2, 1000);  // another cue: its count says nothing of the last one
  EXPECT_EQ(rate.perSecond(), 0);
  rate.add(2.1, 2, 1025);
  EXPECT_NEAR(rate.perSecond(), 25, 1e-9);
  rate.add(2.2, 2, 3);  // the same cue's playback built afresh: its count went back
  rate.add(3.2, 2, 23);
  EXPECT_NEAR(rate.perSecond(), 20, 1e-9);
}

TEST(DecodeRate, StaysRightOverAnHourOfCallsAtAnyPace) {
  DecodeRate rate;
  // An hour of calls every 7 ms: the kept samples stay kSpacing apart and the
  // window moves on, so the rate is the last seconds' pace.
  for (int i = 0; i < 3600 * 1000; i += 7) rate.add(i / 1000.0, 0, i / 40);
  EXPECT_NEAR(rate.perSecond(), 25, 0.5);
}

TEST(MovieFiguresJson, RoundTripsWhatANodeSends) {
  MovieFigures sent{360, 4, 7, 3, 29.5};
  std::optional<MovieFigures> read = movieFiguresFromJson(movieFiguresToJson(sent));
  ASSERT_TRUE(read);
  EXPECT_EQ(read->frame, 360);
  EXPECT_EQ(read->dropped, 4);
  EXPECT_EQ(read->late, 7);
  EXPECT_EQ(read->queued, 3);
  EXPECT_DOUBLE_EQ(read->decodeFps, 29.5);
  EXPECT_TRUE(movieFiguresFromJson(movieFiguresToJson({-1, 0, 0, 0, 0})))
      << "no frame shown yet is a figure too";
}

TEST(MovieFiguresJson, AHostileNodesFiguresAreDroppedNotBelieved) {
  nlohmann::json good = movieFiguresToJson({10, 0, 0, 2, 30});
  auto with = [&](const char* key, nlohmann::json value) {
    nlohmann::json movie = good;
    movie[key] = std::move(value);
    return movieFiguresFromJson(movie);
  };
  EXPECT_FALSE(movieFiguresFromJson(nullptr));
  EXPECT_FALSE(movieFiguresFromJson("frame 10"));
  EXPECT_FALSE(movieFiguresFromJson(nlohmann::json::array({10, 0, 0, 2, 30})));
  EXPECT_FALSE(with("frame", "10"));
  EXPECT_FALSE(with("frame", 10.5));
  EXPECT_FALSE(with("frame", -2));
  EXPECT_FALSE(with("frame", std::numeric_limits<std::uint64_t>::max()));
  EXPECT_FALSE(with("dropped", -1));
  EXPECT_FALSE(with("late", true));
  EXPECT_FALSE(with("queued", 1'000'000));
  EXPECT_FALSE(with("decode_fps", -3));
  EXPECT_FALSE(with("decode_fps", 1e300));
  EXPECT_FALSE(with("decode_fps", nullptr));
  nlohmann::json missing = good;
  missing.erase("late");
  EXPECT_FALSE(movieFiguresFromJson(missing));
  EXPECT_TRUE(with("dropped", 123456789)) << "large but possible counts stand";
}

}  // namespace
}  // namespace hw
