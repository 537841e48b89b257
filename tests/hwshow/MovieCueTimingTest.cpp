#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "hwshow/HwshowWriter.h"
#include "hwshow/MovieCueTiming.h"
#include "tests/hwshow/ShowTestSupport.h"
#include "tests/support/TempFolder.h"

namespace hw {
namespace {

using test::load;
using test::loadError;

TEST(FrameRateText, RationalsWholeNumbersAndNtscDecimals) {
  EXPECT_EQ(parseFrameRate("30000/1001"), (FrameRate{30000, 1001}));
  EXPECT_EQ(parseFrameRate("25"), (FrameRate{25, 1}));
  EXPECT_EQ(parseFrameRate("29.97"), (FrameRate{30000, 1001}));
  EXPECT_EQ(parseFrameRate("23.976"), (FrameRate{24000, 1001}));
  EXPECT_EQ(parseFrameRate("59.94"), (FrameRate{60000, 1001}));
  EXPECT_EQ(parseFrameRate("12.5"), (FrameRate{12500, 1000}));
  for (const char* bad : {"", "fast", "30/0", "0", "-25", "1/2", "30000/1001x", "5000"})
    EXPECT_FALSE(parseFrameRate(bad)) << bad;
  EXPECT_EQ(frameRateText({30000, 1001}), "30000/1001");
  EXPECT_EQ(frameRateText({25, 1}), "25");
}

TEST(MovieCueDuration, ItsLongestMovieTimesItsLoopsOnceKnown) {
  Cue cue;
  cue.durationSeconds = 10;
  cue.durationFromMovies = true;
  cue.loops = 3;
  LayoutItem movie;
  movie.media.kind = MediaKind::Movie;
  cue.items = {movie, movie};
  settleMovieCueDuration(cue);
  EXPECT_EQ(cue.durationSeconds, 10) << "not known yet: left as it is";
  cue.items[0].media.movie = {{30000, 1001}, 300};  // 10.01 s
  cue.items[1].media.movie = {{25, 1}, 100};        // 4 s
  settleMovieCueDuration(cue);
  EXPECT_DOUBLE_EQ(cue.durationSeconds, 3 * 10.01);
  cue.durationFromMovies = false;
  cue.durationSeconds = 5;
  settleMovieCueDuration(cue);
  EXPECT_EQ(cue.durationSeconds, 5) << "a written duration wins";
}

TEST(HwshowMovies, FactsAndLoopsAreReadAndTimeTheCue) {
  test::TempFolder folder;
  std::string show = folder.write("show.hwshow", R"({"hwshow": 1, "cues": [
    {"media": {"uri": "https://x/a.mp4", "fps": "30000/1001", "frames": 300}, "loops": 2},
    {"media": {"uri": "https://x/b.webm", "fps": 25, "frames": 50}, "duration": 30},
    {"media": "https://x/c.mov"}]})");
  Playlist p = load({show});
  ASSERT_EQ(p.cues.size(), 3u);
  EXPECT_EQ(p.cues[0].items[0].media.movie, (MovieFacts{{30000, 1001}, 300}));
  EXPECT_DOUBLE_EQ(p.cues[0].durationSeconds, 20.02);
  EXPECT_TRUE(p.cues[0].playable);
  EXPECT_EQ(p.cues[1].durationSeconds, 30);
  EXPECT_FALSE(p.cues[1].durationFromMovies);
  EXPECT_TRUE(p.cues[2].durationFromMovies);
  EXPECT_FALSE(p.cues[2].items[0].media.movie.known());

  // What a master sends its nodes reads back to the same timing.
  std::string again = folder.write("again.hwshow", playlistToHwshow(p, folder.path()).dump());
  Playlist q = load({again});
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(q.cues[i].durationSeconds, p.cues[i].durationSeconds) << i;
    EXPECT_EQ(q.cues[i].loops, p.cues[i].loops) << i;
    EXPECT_EQ(q.cues[i].items[0].media.movie, p.cues[i].items[0].media.movie) << i;
  }
}

// The master tells its nodes which cues to skip and which displays play a
// movie of their own; both read back, and a hand-written show may say them too.
TEST(HwshowMovies, DisplayMoviesAndSkipReadBackAndBadOnesAreRefused) {
  test::TempFolder folder;
  std::string show = folder.write("show.hwshow", R"({"hwshow": 1, "cues": [
    {"media": {"uri": "https://x/big.mp4", "fps": 30, "frames": 60},
     "displayMovies": {"r0c0": "cut/r0c0.mp4", "r0c1": "https://x/r0c1.mp4"}},
    {"media": "https://x/c.mov", "skip": "not yet"}]})");
  Playlist p = load({show});
  ASSERT_EQ(p.cues.size(), 2u);
  EXPECT_EQ(p.cues[0].displayMovies,
            (std::map<std::string, std::string>{
                {"r0c0", (std::filesystem::path(folder.path()) / "cut/r0c0.mp4").string()},
                {"r0c1", "https://x/r0c1.mp4"}}));
  EXPECT_TRUE(p.cues[0].playable);
  EXPECT_FALSE(p.cues[1].playable);
  EXPECT_EQ(p.cues[1].skipReason, "not yet");
  std::string again = folder.write("again.hwshow", playlistToHwshow(p, folder.path()).dump());
  EXPECT_EQ(load({again}).cues[0].displayMovies, p.cues[0].displayMovies);

  auto error = [&](const std::string& cue) {
    std::string bad = folder.write("bad.hwshow", R"({"hwshow": 1, "cues": [)" + cue + "]}");
    return loadError({bad}).substr(bad.size());
  };
  EXPECT_EQ(error(R"({"media": "https://x/a.mp4", "displayMovies": ["r0c0.mp4"]})"),
            ": /cues/0/displayMovies: expected an object of node ids and movie files, got an array");
  EXPECT_EQ(error(R"({"media": "https://x/a.mp4", "displayMovies": {"r0c0": 3}})"),
            ": /cues/0/displayMovies/r0c0: expected a movie file, got an integer");
  EXPECT_EQ(error(R"({"media": "https://x/a.mp4", "displayMovies": {"": "a.mp4"}})")
                .rfind(": /cues/0/displayMovies/: not a node id: ", 0),
            0u);
}

TEST(HwshowMovies, BadMovieFieldsAreRefusedWhereTheyAre) {
  test::TempFolder folder;
  auto error = [&](const std::string& cue) {
    std::string show = folder.write("bad.hwshow", R"({"hwshow": 1, "cues": [)" + cue + "]}");
    return loadError({show}).substr(show.size());
  };
  EXPECT_EQ(error(R"({"media": {"uri": "https://x/a.mp4", "fps": 30}})"),
            ": /cues/0/media/frames: required with \"fps\" and \"frames\"");
  EXPECT_EQ(error(R"({"media": {"uri": "https://x/a.mp4", "fps": "fast", "frames": 3}})"),
            ": /cues/0/media/fps: expected frames per second (\"30000/1001\", 25 or 29.97), got "
            "\"fast\"");
  EXPECT_EQ(error(R"({"media": {"uri": "https://x/a.png", "fps": 30, "frames": 3}})"),
            ": /cues/0/media/fps: only a movie has a frame rate and frames");
  EXPECT_EQ(error(R"({"media": "https://x/a.png", "loops": 2})"),
            ": /cues/0/loops: only a cue with a movie loops");
  EXPECT_EQ(error(R"({"media": "https://x/a.mp4", "loops": 2, "duration": 4})"),
            ": /cues/0/loops: give \"loops\" or \"duration\", not both");
  EXPECT_EQ(error(R"({"media": "https://x/a.mp4", "loops": 0})").rfind(": /cues/0/loops: ", 0), 0u);
}

}  // namespace
}  // namespace hw
