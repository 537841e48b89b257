// Operators' view of movie cues: where the cue is in its movie by the
// master's clock, each node's playback figures, in /api/status, `ctl status`,
// and the playlist's thumbnails drawn from a frame of the movie.
#include <gtest/gtest.h>

#include "config/WallConfigLoader.h"
#include "engine/cli/StatusTable.h"
#include "engine/control/CueMoviePosition.h"
#include "engine/control/WallPictures.h"
#include "engine/movie/MovieProbe.h"
#include "engine/movie/MovieStill.h"
#include "hwshow/ShowLoader.h"
#include "tests/support/TempFolder.h"
#include "tests/support/TestMovie.h"
#include "tiler/ImageFile.h"

namespace hw {
namespace {

Cue movieCue(MovieFacts facts, int loops) {
  Cue cue;
  LayoutItem item;
  item.media.kind = MediaKind::Movie;
  item.media.uri = "/shows/movie.mp4";
  item.media.movie = facts;
  cue.items.push_back(item);
  cue.durationFromMovies = true;
  cue.loops = loops;
  return cue;
}

TEST(CueMoviePosition, TheFrameAndPassOfTheInstantByTheMovieClock) {
  Cue cue = movieCue({{30000, 1001}, 2700}, 2);  // 90.09 s a pass, twice
  double cueSeconds = 2 * 2700 * 1001 / 30000.0;
  std::optional<CueMovie> at12 = cueMoviePosition(cue, 12.0, cueSeconds);
  ASSERT_TRUE(at12);
  EXPECT_NEAR(at12->fps, 29.97, 0.001);
  EXPECT_EQ(at12->frames, 2700);
  EXPECT_NEAR(at12->passSeconds, 90.09, 1e-9);
  EXPECT_EQ(at12->frame, 359);  // 12 s x 29.97 = 359.6: frame 359 is up
  EXPECT_EQ(at12->pass, 0);
  EXPECT_EQ(at12->passes, 2);
  std::optional<CueMovie> second = cueMoviePosition(cue, 100.0, cueSeconds);
  EXPECT_EQ(second->frame, 2997 - 2700);
  EXPECT_EQ(second->pass, 1);
  // A written duration: the passes it begins, the last one cut short.
  EXPECT_EQ(cueMoviePosition(cue, 0, 100)->passes, 2);
  EXPECT_EQ(cueMoviePosition(cue, 0, 90.09)->passes, 1);
  EXPECT_EQ(cueMoviePosition(cue, 0, 30)->passes, 1);
}

TEST(CueMoviePosition, NoneForAStillCueOrAMovieWhoseFactsAreUnknown) {
  Cue still;
  still.items.resize(1);
  EXPECT_FALSE(cueMoviePosition(still, 1, 10));
  EXPECT_FALSE(cueMoviePosition(movieCue({}, 1), 1, 10)) << "a file that would not open";
}

WallStatus movieStatus() {
  WallStatus s;
  s.showTitle = "Movies";
  s.cueIndex = 0;
  s.cueCount = 1;
  s.cueTitle = "Ocean";
  s.mode = PlaybackMode::Playing;
  s.cueSeconds = 180.18;
  s.elapsedSeconds = 12.02;
  s.timeLeftSeconds = 168.16;
  s.movie = CueMovie{30000 / 1001.0, 2700, 90.09, 360, 0, 2};
  s.wall = {"2x2-1080p", 2, 2, 1920, 1080, 6, 6};
  NodeHealth up;
  up.id = "r0c0";
  up.connected = true;
  up.movie = MovieFigures{358, 12, 3, 2, 29.7};
  NodeHealth starting = up;
  starting.id = "r0c1";
  starting.col = 1;
  starting.movie = MovieFigures{-1, 0, 5, 0, 0};
  NodeHealth down = up;
  down.id = "r1c0";
  down.row = 1;
  down.connected = false;
  NodeHealth still = up;
  still.id = "r1c1";
  still.row = still.col = 1;
  still.movie.reset();
  s.nodes = {up, starting, down, still};
  return s;
}

TEST(MovieStatus, StatusJsonCountsFramesAndPassesFromOne) {
  nlohmann::json j = toJson(movieStatus());
  EXPECT_EQ(j["movie"]["frame"], 361);
  EXPECT_EQ(j["movie"]["frames"], 2700);
  EXPECT_EQ(j["movie"]["pass"], 1);
  EXPECT_EQ(j["movie"]["passes"], 2);
  EXPECT_NEAR(j["movie"]["fps"].get<double>(), 29.97, 0.001);
  EXPECT_EQ(j["nodes"][0]["movie"]["frame"], 359);
  EXPECT_EQ(j["nodes"][0]["movie"]["dropped"], 12);
  EXPECT_EQ(j["nodes"][0]["movie"]["late"], 3);
  EXPECT_EQ(j["nodes"][0]["movie"]["queued"], 2);
  EXPECT_DOUBLE_EQ(j["nodes"][0]["movie"]["decodeFps"].get<double>(), 29.7);
  EXPECT_EQ(j["nodes"][1]["movie"]["frame"], 0) << "no frame up yet";
  EXPECT_TRUE(j["nodes"][3]["movie"].is_null());

  WallStatus back = wallStatusFromJson(j);
  ASSERT_TRUE(back.movie);
  EXPECT_EQ(back.movie->frame, 360);
  EXPECT_EQ(back.movie->pass, 0);
  ASSERT_TRUE(back.nodes[0].movie);
  EXPECT_EQ(back.nodes[0].movie->frame, 358);
  EXPECT_EQ(back.nodes[1].movie->frame, -1);
  EXPECT_FALSE(back.nodes[3].movie);

  WallStatus stillCue = movieStatus();
  stillCue.movie.reset();
  EXPECT_TRUE(toJson(stillCue)["movie"].is_null());
  EXPECT_FALSE(wallStatusFromJson(toJson(stillCue)).movie);
}

TEST(MovieStatus, CtlStatusSaysWhereTheMovieIsAndHowEachNodePlaysIt) {
  std::string table = cli::formatStatusTable(movieStatus());
  for (const char* line : {"\nmovie    0:12 / 1:30, frame 361/2700, pass 1/2, 29.97 fps\n",
                           "\nmovie on         frame  dropped     late  queued  decode fps\n",
                           "\nr0c0               359       12        3       2        29.7\n",
                           "\nr0c1                 -        0        5       0         0.0\n"})
    EXPECT_NE(table.find(line), std::string::npos) << "no line " << line << " in\n" << table;
  std::string moviePart = table.substr(table.find("movie on"));
  EXPECT_EQ(moviePart.find("r1c0"), std::string::npos) << "a node that is down has no figures";
  EXPECT_EQ(moviePart.find("r1c1"), std::string::npos) << "a node without a movie has none";

  WallStatus still = movieStatus();
  still.movie.reset();
  for (NodeHealth& n : still.nodes) n.movie.reset();
  table = cli::formatStatusTable(still);
  EXPECT_EQ(table.find("movie"), std::string::npos) << table;
}

// The colour at the middle of the top left display of a 2x2 wall's picture
// (its middle is where the bezels cross).
Color middle(const Image& picture) {
  const std::uint8_t* p = picture.at(picture.width / 4, picture.height / 4);
  return {p[0], p[1], p[2]};
}

TEST(MovieThumbnail, AMovieCuesThumbnailIsItsFrameAtOneSecondThroughTheTiler) {
  test::TempFolder folder("hw-movie-thumbnail");
  test::TestMovieSpec spec;
  spec.rate = "25";
  spec.frames = 50;
  test::makeTestMovie(folder.path(), "count.mp4", spec);
  spec.frames = 10;  // shorter than the still's second: its last frame stands for it
  test::makeTestMovie(folder.path(), "short.mp4", spec);
  folder.write("broken.mp4", std::string(4096, '\x42'));
  std::string show = folder.write("movies.hwshow",
                                  R"({"hwshow": 1, "cues": [{"media": "count.mp4", "fit": "fill"},
                                {"media": "short.mp4", "fit": "fill"},
                                {"media": "broken.mp4", "fit": "fill", "duration": 5,
                                 "background": "#2040c0"}]})");
  WallConfig wall = loadWallConfig("2x2-1080p");
  Playlist playlist = loadShow({show}, wall);
  probeMovies(playlist, LocalMirror((folder.path() / "cache").string()));
  WallPictures pictures(wall);
  auto thumbnail = [&](int cue) {
    return decodeImageBytes(pictures.wallPng(1, cue, &playlist.cues.at(cue), false, false, 240),
                            "thumbnail");
  };
  EXPECT_EQ(test::frameOfColour(middle(thumbnail(0))), 25) << "1 s into a 25 fps movie";
  EXPECT_EQ(test::frameOfColour(middle(thumbnail(1))), 9);
  Color background = middle(thumbnail(2));
  EXPECT_NEAR(background.r, 0x20, 3);
  EXPECT_NEAR(background.g, 0x40, 3);
  EXPECT_NEAR(background.b, 0xc0, 3) << "a movie that does not open: the background, as today";
}

TEST(MovieThumbnail, AStillOfAFileThatIsNoMovieIsAMediaErrorNamingIt) {
  test::TempFolder folder("hw-movie-still");
  std::string broken = folder.write("broken.mp4", std::string(4096, '\x42'));
  try {
    movieStill(broken);
    FAIL() << "no error";
  } catch (const std::exception& error) {
    EXPECT_NE(std::string(error.what()).find("broken.mp4"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace hw
