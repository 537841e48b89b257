#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/movie/MovieFile.h"
#include "engine/movie/MovieProbe.h"
#include "engine/movie/StandInMovie.h"
#include "engine/movie/StandInMovieFile.h"
#include "tests/support/TempFolder.h"
#include "tiler/MediaError.h"

namespace hw {
namespace {

namespace fs = std::filesystem;

MediaRef movieAt(const std::string& uri, int width, int height, FrameRate rate = {}) {
  MediaRef media;
  media.kind = MediaKind::Movie;
  media.uri = uri;
  media.width = width;
  media.height = height;
  media.movie.rate = rate;
  return media;
}

Cue cueLasting(double seconds) {
  Cue cue;
  cue.durationSeconds = seconds;
  return cue;
}

Cue cueOfItsMovies() {
  Cue cue;
  cue.durationFromMovies = true;
  return cue;
}

// One pass: the cue's duration when it states a shorter one than 10 s, else
// 10 s; at the movie's rate, else 30 fps; never no frame at all.
TEST(StandInMovie, PlaysOnePassOfTheCueUpToTenSecondsAtTheMoviesRate) {
  MediaRef svs = movieAt("https://svs.gsfc.nasa.gov/x/sun_2048p25.mp4", 2048, 2048, {25, 1});
  EXPECT_EQ(standInMovieFacts(svs, cueOfItsMovies()), (MovieFacts{{25, 1}, 250}));
  MediaRef unrated = movieAt("https://example.org/m.mp4", 1920, 1080);
  EXPECT_EQ(standInMovieFacts(unrated, cueLasting(4)), (MovieFacts{{30, 1}, 120}));
  EXPECT_EQ(standInMovieFacts(unrated, cueLasting(600)), (MovieFacts{{30, 1}, 300}));
  EXPECT_EQ(standInMovieFacts(unrated, cueLasting(0.001)), (MovieFacts{{30, 1}, 1}));
  MediaRef ntsc = movieAt("https://example.org/m.mp4", 1920, 1080, {30000, 1001});
  EXPECT_EQ(standInMovieFacts(ntsc, cueOfItsMovies()).frames, 300);  // 10 s at 29.97
}

// Drawn with the movie's shape in at most 1280x720 pixels, sides even; named
// by everything that changes its pictures.
TEST(StandInMovie, IsDrawnSmallForBigMoviesAndNamedByNameSizeRateAndLength) {
  auto drawn = [](int w, int h) {
    MediaRef media = movieAt("https://example.org/a.mp4", w, h);
    media.movie = {{30, 1}, 300};
    return standInMovieOf(media).drawn;
  };
  EXPECT_EQ(drawn(640, 360), (Size{640, 360}));
  EXPECT_EQ(drawn(1920, 1080), (Size{1280, 720}));
  EXPECT_EQ(drawn(7680, 4320), (Size{1280, 720}));
  EXPECT_EQ(drawn(2048, 2048), (Size{960, 960}));
  EXPECT_EQ(drawn(641, 361), (Size{640, 360}));
  EXPECT_EQ(drawn(1, 1), (Size{2, 2}));
  Size wide = drawn(7200, 2430);  // hw5x3_810p
  EXPECT_LE(static_cast<std::int64_t>(wide.w) * wide.h, kStandInMoviePixels);
  EXPECT_NEAR(static_cast<double>(wide.w) / wide.h, 7200.0 / 2430, 0.01);

  MediaRef media = movieAt("https://svs.gsfc.nasa.gov/x/sun_2048p30.mp4?v=2", 2048, 2048);
  media.movie = {{30000, 1001}, 300};
  StandInMovie standIn = standInMovieOf(media);
  EXPECT_EQ(standIn.cacheName(), "sun_2048p30.mp4-2048x2048-30000_1001fps-300f.mp4");
  EXPECT_EQ(standIn.detail(), "movie 2048 x 2048 px, 30000/1001 fps; this stand-in 960 x 960");
}

// Made once as a real movie of its facts, found by the movie's playback as
// its file, and never half made.
TEST(StandInMovie, IsMadeOnceIntoTheCacheAsAMovieOfItsFacts) {
  test::TempFolder folder;
  LocalMirror mirror(folder.path().string());
  MediaRef media = movieAt("https://example.org/movies/lost_360p25.mp4", 320, 180, {25, 1});
  EXPECT_EQ(localMovieFile(media, mirror), "") << "facts unknown: not yet a stand-in";
  media.movie = standInMovieFacts(media, cueLasting(2));
  StandInMovie standIn = standInMovieOf(media);
  fs::path file = standInMoviePath(standIn, folder.path());
  EXPECT_EQ(file, folder.path() / "standins" / standIn.cacheName());
  EXPECT_EQ(localMovieFile(media, mirror), "") << "not made yet";
  std::vector<std::string> lines;
  auto progress = [&](const std::string& line) { lines.push_back(line); };
  makeStandInMovie(standIn, "to show the real movie: put the file in the cache", file, progress);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find("making a stand-in movie for lost_360p25.mp4 (320x180, 50 frames)"),
            std::string::npos)
      << lines[0];
  EXPECT_NE(lines[1].find("stand-in movie for lost_360p25.mp4 made in "), std::string::npos);
  EXPECT_EQ(fs::directory_iterator(file.parent_path())->path(), file) << "no partial file left";
  MovieFile movie(file.string(), 1);
  EXPECT_EQ(movie.facts(), (MovieFacts{{25, 1}, 50}));
  EXPECT_EQ(movie.size(), (Size{320, 180}));
  int frames = 0;
  while (movie.next()) ++frames;
  EXPECT_EQ(frames, 50);
  EXPECT_EQ(localMovieFile(media, mirror), file.string());
  EXPECT_TRUE(playsStandInMovie(media, mirror));

  auto written = fs::last_write_time(file);
  lines.clear();
  makeStandInMovie(standIn, "", file, progress);
  EXPECT_TRUE(lines.empty()) << "already made";
  EXPECT_EQ(fs::last_write_time(file), written);
}

TEST(StandInMovie, ThatCannotBeMadeIsAnErrorNamingItsFile) {
  test::TempFolder folder;
  std::ofstream(folder.path() / "standins") << "a file where the folder should be";
  MediaRef media = movieAt("https://example.org/lost.mp4", 320, 180);
  media.movie = {{30, 1}, 3};
  StandInMovie standIn = standInMovieOf(media);
  fs::path file = standInMoviePath(standIn, folder.path());
  try {
    makeStandInMovie(standIn, "", file, {});
    FAIL() << "made in a folder that is a file";
  } catch (const MediaError& error) {
    EXPECT_NE(std::string(error.what()).find("lost.mp4-320x180-30fps-3f.mp4"), std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace hw
