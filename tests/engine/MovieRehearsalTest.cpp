#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "config/WallConfigLoader.h"
#include "engine/movie/MovieClock.h"
#include "engine/render/SnapshotRun.h"
#include "engine/render/WallGridLayout.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/StandInBar.h"
#include "tests/support/TempFolder.h"
#include "tests/support/TestMovie.h"
#include "tiler/ImageFile.h"
#include "tiler/WallCanvas.h"
#include "tiler/WallPreview.h"

namespace hw {
namespace {

// Rehearsal of movie cues through the real command (`rehearse --at`), read
// back display by display: what an author checks a moment of a show with.
class MovieRehearsal : public ::testing::Test {
 protected:
  void SetUp() override {
    env_ = {{"HYPERWALL_CACHE", folder_ / "cache"}, {"DISPLAY", ""}, {"WAYLAND_DISPLAY", ""}};
  }

  // The frame each display of the 2x2 wall shows in the snapshot at `seconds`
  // (-1 where a display shows no movie frame), sampled at each display's centre.
  std::vector<int> framesOnDisplays(const std::filesystem::path& shots, double seconds) {
    Image shot = decodeImageFile(shots / instantFileName(seconds));
    WallGridLayout layout(wall_, previewSizeToFit(wall_, kRehearsalWindowBounds));
    WallCanvas canvas(wall_);
    std::vector<int> frames;
    for (const NodeConfig& node : wall_.nodes) {
      RectI display = canvas.displayRect(node.col, node.row);
      int x = static_cast<int>((display.x + display.w / 2) * layout.scale());
      int y = static_cast<int>((display.y + display.h / 2) * layout.scale());
      const std::uint8_t* p = shot.at(x, y);
      frames.push_back(test::frameOfColour({p[0], p[1], p[2]}));
    }
    return frames;
  }

  // `rehearse SHOW --snapshot` at `times`, checked to show on every display
  // the frame `clock` gives for each.
  void expectClockFramesAt(const std::string& show, const MovieClock& clock,
                           const std::vector<double>& times) {
    std::filesystem::path shots = folder_.path() / "shots";
    std::string at;
    for (double t : times) at += (at.empty() ? "" : ",") + std::to_string(t);
    auto result = test::runCommand({HYPERWALL_EXE, "rehearse", show, "--wall", "2x2-1080p",
                                    "--snapshot", shots.string(), "--at", at},
                                   env_, std::chrono::seconds(120));
    ASSERT_EQ(result.exitStatus, 0) << result.err;
    for (double t : times) {
      int expected = static_cast<int>(clock.frameOfTick(clock.tickAt(t)));
      EXPECT_EQ(framesOnDisplays(shots, t), std::vector<int>(4, expected)) << "at " << t << " s";
    }
    lastErr_ = result.err;
  }

  test::TempFolder folder_{"hw-movie-rehearsal"};
  std::string lastErr_;  // what the last rehearsal wrote to stderr
  std::map<std::string, std::string> env_;
  WallConfig wall_ = loadWallConfig("2x2-1080p");
};

TEST_F(MovieRehearsal, EveryDisplayShowsTheFrameOfTheInstantLoopAfterLoop) {
  test::TestMovieSpec spec;
  spec.rate = "30000/1001";
  spec.frames = 40;  // 1.335 s a pass
  spec.width = 320;
  spec.height = 180;
  test::makeTestMovie(folder_.path(), "count.mp4", spec);
  std::string show = folder_.write("movie.hwshow",
                                   R"({"hwshow": 1, "defaults": {"transition": {"type": "cut"}},
          "cues": [{"media": "count.mp4", "fit": "fill", "loops": 3}]})");
  // Mid-pass, the last frame of a pass, the first of the next, deep in the third.
  expectClockFramesAt(show, MovieClock({{30000, 1001}, 40}), {0.0, 0.5, 1.3, 1.336, 2.0, 3.9});
  EXPECT_NE(lastErr_.find("1.3 s: cue 1/1, movie frame 39"), std::string::npos) << lastErr_;
  EXPECT_NE(lastErr_.find("1.336 s: cue 1/1, movie frame 1"), std::string::npos) << lastErr_;
}

TEST_F(MovieRehearsal, AMovieCueLastsItsLoopsThenTheShowMovesOn) {
  test::TestMovieSpec spec;
  spec.rate = "25";
  spec.frames = 25;  // 1 s a pass
  test::makeTestMovie(folder_.path(), "second.mp4", spec);
  std::string show = folder_.write(
      "movie.hwshow",
      R"({"hwshow": 1, "defaults": {"transition": {"type": "cut"}, "background": "#ffffff"},
          "cues": [{"media": "second.mp4", "fit": "fill", "loops": 2},
                   {"layout": [{"media": "second.mp4", "region": {"col": 1, "row": 1}}],
                    "fit": "fill", "duration": 0.5}]})");
  std::filesystem::path shots = folder_.path() / "shots";
  auto result = test::runCommand({HYPERWALL_EXE, "rehearse", show, "--wall", "2x2-1080p",
                                  "--snapshot", shots.string(), "--at", "1.98,2.2"},
                                 env_, std::chrono::seconds(120));
  ASSERT_EQ(result.exitStatus, 0) << result.err;
  EXPECT_EQ(framesOnDisplays(shots, 1.98), std::vector<int>(4, 24));
  // The second cue started at 2 s: its movie from the start, on its one display.
  EXPECT_EQ(framesOnDisplays(shots, 2.2), (std::vector<int>{-1, -1, -1, 5}));
}

TEST_F(MovieRehearsal, ACorruptMovieShowsItsBackgroundWithOneLineAndTheShowGoesOn) {
  std::string broken = folder_.write("broken.mp4", std::string(4096, '\x42'));
  std::string show = folder_.write("movie.hwshow",
                                   R"({"hwshow": 1, "defaults": {"transition": {"type": "cut"}},
          "cues": [{"media": "broken.mp4", "duration": 1, "background": "#ff0000"},
                   {"media": "broken.mp4", "duration": 1, "background": "#00ff00"}]})");
  std::filesystem::path shots = folder_.path() / "shots";
  auto result = test::runCommand({HYPERWALL_EXE, "rehearse", show, "--wall", "2x2-1080p",
                                  "--snapshot", shots.string(), "--at", "0.5,1.5"},
                                 env_, std::chrono::seconds(120));
  ASSERT_EQ(result.exitStatus, 0) << result.err;
  Image first = decodeImageFile(shots / instantFileName(0.5));
  Image second = decodeImageFile(shots / instantFileName(1.5));
  EXPECT_EQ(first.at(first.width / 4, first.height / 4)[0], 255);
  EXPECT_EQ(second.at(second.width / 4, second.height / 4)[1], 255);
  std::size_t named = result.err.find("cue 1 will show its background: " + broken + ": ");
  EXPECT_NE(named, std::string::npos) << result.err;
}

// A frame sequence as SVS publishes one (the rate in the folder's name) plays
// through the movie path: the frame of the instant on every display, loop after loop.
TEST_F(MovieRehearsal, AFrameSequenceShowsTheFrameOfTheInstantOnEveryDisplay) {
  test::TestMovieSpec spec;
  spec.frames = 20;  // 30 fps from the folder name: 0.667 s a pass
  test::makeTestFrames(folder_.path() / "frames/320x180_16x9_30p", "count", spec);
  std::string show = folder_.write("frames.hwshow",
                                   R"({"hwshow": 1, "defaults": {"transition": {"type": "cut"}},
          "cues": [{"frames": "frames/320x180_16x9_30p/count/", "fit": "fill", "loops": 3}]})");
  expectClockFramesAt(show, MovieClock({{30, 1}, 20}), {0.0, 0.2, 0.65, 0.667, 1.0, 1.99});
}

TEST_F(MovieRehearsal, ABrokenFrameHoldsTheOneBeforeWithOneLineAndPlaysOn) {
  test::TestMovieSpec spec;
  spec.frames = 20;
  std::filesystem::path frames = test::makeTestFrames(folder_.path(), "count", spec, "jpg");
  std::string broken = folder_.write("count/count.0011.jpg", "not a JPEG");  // frame 10
  std::string show = folder_.write("frames.hwshow",
                                   R"({"hwshow": 1, "defaults": {"transition": {"type": "cut"}},
          "cues": [{"frames": "count", "fps": 10, "fit": "fill", "loops": 2}]})");
  std::filesystem::path shots = folder_.path() / "shots";
  auto result = test::runCommand({HYPERWALL_EXE, "rehearse", show, "--wall", "2x2-1080p",
                                  "--snapshot", shots.string(), "--at", "0.95,1.05,1.15,3.05"},
                                 env_, std::chrono::seconds(120));
  ASSERT_EQ(result.exitStatus, 0) << result.err;
  EXPECT_EQ(framesOnDisplays(shots, 0.95), std::vector<int>(4, 9));
  EXPECT_EQ(framesOnDisplays(shots, 1.05), std::vector<int>(4, 9)) << "frame 10 is broken";
  EXPECT_EQ(framesOnDisplays(shots, 1.15), std::vector<int>(4, 11));
  EXPECT_EQ(framesOnDisplays(shots, 3.05), std::vector<int>(4, 9)) << "and in the next pass";
  std::size_t named = result.err.find(": frame 11: " + broken);
  ASSERT_NE(named, std::string::npos) << result.err;
  EXPECT_EQ(result.err.find(broken, named + 1 + broken.size()), std::string::npos)
      << "one line, not one per pass:\n"
      << result.err;
}

TEST_F(MovieRehearsal, ACrossfadeBetweenMoviesBlendsTwoMovingFrames) {
  test::TestMovieSpec first;
  first.rate = "25";
  first.frames = 50;  // the first cue lasts 2 s
  test::makeTestMovie(folder_.path(), "first.mp4", first);
  test::TestMovieSpec second;
  second.rate = "30";
  second.frames = 90;
  test::makeTestMovie(folder_.path(), "second.mp4", second);
  std::string show = folder_.write(
      "movie.hwshow",
      R"({"hwshow": 1, "defaults": {"transition": {"type": "crossfade", "seconds": 1}},
          "cues": [{"media": "first.mp4", "fit": "fill"}, {"media": "second.mp4", "fit": "fill"}]})");
  std::filesystem::path shots = folder_.path() / "shots";
  // Two instants of the fade (2 s to 3 s); a frame off in either movie moves a
  // channel by 16 x its weight (at least 0.42 here), more than the 5 allowed.
  const std::vector<double> times = {2.42, 2.58};
  auto result = test::runCommand({HYPERWALL_EXE, "rehearse", show, "--wall", "2x2-1080p",
                                  "--snapshot", shots.string(), "--at", "2.42,2.58"},
                                 env_, std::chrono::seconds(120));
  ASSERT_EQ(result.exitStatus, 0) << result.err;
  MovieClock outgoing({{25, 1}, 50});
  MovieClock incoming({{30, 1}, 90});
  for (double t : times) {
    // The cue fading out runs on as if it had lasted its full time (docs/rendering.md).
    Color was = test::frameColour(static_cast<int>(outgoing.frameOfTick(outgoing.tickAt(t))));
    Color is = test::frameColour(static_cast<int>(incoming.frameOfTick(incoming.tickAt(t - 2))));
    double progress = t - 2;
    Image shot = decodeImageFile(shots / instantFileName(t));
    const std::uint8_t* p = shot.at(shot.width / 4, shot.height / 4);
    auto blend = [&](std::uint8_t a, std::uint8_t b) { return a + (b - a) * progress; };
    EXPECT_NEAR(p[0], blend(was.r, is.r), 5) << "red at " << t << " s";
    EXPECT_NEAR(p[1], blend(was.g, is.g), 5) << "green at " << t << " s";
  }
}

// A movie not downloaded plays as its stand-in movie: the movie's size, a
// pass of the cue's 4 s at 30 fps (no rate stated), its bar and counter
// running with the show's clock; `plan` says so first and makes nothing.
TEST_F(MovieRehearsal, AMovieNotDownloadedPlaysItsStandInWithARunningFrameCounter) {
  std::string show = folder_.write("lost.hwshow", R"({"hwshow": 1,
      "defaults": {"transition": {"type": "cut"}},
      "cues": [{"media": {"uri": "https://example.org/movies/lost-flare.mp4", "kind": "movie",
                          "width": 640, "height": 360},
                "fit": "stretch", "duration": 4}]})");
  std::string emitted = (folder_.path() / "emitted.hwshow").string();
  auto plan = test::runCommand(
      {HYPERWALL_EXE, "plan", show, "--wall", "2x2-1080p", "--json", "--emit-hwshow", emitted},
      env_, std::chrono::seconds(60));
  ASSERT_EQ(plan.exitStatus, 0) << plan.err;
  nlohmann::json cue = nlohmann::json::parse(plan.out)["cues"][0];
  EXPECT_TRUE(cue["playable"].get<bool>()) << cue;
  EXPECT_EQ(cue["items"][0]["media"]["availability"], "stand-in");
  EXPECT_EQ(cue["items"][0]["media"]["movie"]["frames"], 120);
  std::filesystem::path standIns = folder_.path() / "cache" / "standins";
  EXPECT_FALSE(std::filesystem::exists(standIns)) << "plan makes nothing";
  // The stand-in's rate and length are not the movie's: an emitted show states none.
  std::ifstream written(emitted);
  nlohmann::json media = nlohmann::json::parse(written)["cues"][0]["media"];
  EXPECT_EQ(media["width"], 640) << media;
  EXPECT_FALSE(media.contains("frames")) << media;

  std::filesystem::path shots = folder_.path() / "shots";
  auto result = test::runCommand({HYPERWALL_EXE, "rehearse", show, "--wall", "2x2-1080p",
                                  "--snapshot", shots.string(), "--at", "1.25,3.25"},
                                 env_, std::chrono::seconds(120));
  ASSERT_EQ(result.exitStatus, 0) << result.err;
  EXPECT_NE(result.err.find("rehearse: making a stand-in movie for lost-flare.mp4 (640x360, "
                            "120 frames)"),
            std::string::npos)
      << result.err;
  EXPECT_TRUE(std::filesystem::exists(standIns / "lost-flare.mp4-640x360-30fps-120f.mp4"));
  EXPECT_NE(result.err.find("1.25 s: cue 1/1, movie frame 38"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("3.25 s: cue 1/1, movie frame 98"), std::string::npos) << result.err;
  // The bar across the wall's foot shows the frame of each instant: 38 and 98 of 120.
  for (auto [seconds, frame] : {std::pair{1.25, 38}, std::pair{3.25, 98}}) {
    Image shot = decodeImageFile(shots / instantFileName(seconds));
    EXPECT_NEAR(test::standInBarShare(shot, {0, 0, shot.width, shot.height}), frame / 120.0, 0.02)
        << "at " << seconds << " s";
  }
}

}  // namespace
}  // namespace hw
