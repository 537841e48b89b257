#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/movie/MovieFile.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/TempFolder.h"
#include "tests/support/TestMovie.h"
#include "tiler/MediaError.h"

namespace hw {
namespace {

Color centreOf(const Image& picture) {
  const std::uint8_t* p = picture.at(picture.width / 2, picture.height / 2);
  return {p[0], p[1], p[2]};
}

struct Codec {
  std::string encoder;  // ffmpeg's name
  std::string file;     // its extension picks the container
  std::string rate;     // frames per second
  FrameRate expected;
};

class MovieFileCodecs : public ::testing::TestWithParam<Codec> {};

// 45 frames, a keyframe every 15, in `codec`.
std::string makeMovie(const test::TempFolder& folder, const Codec& codec) {
  test::TestMovieSpec spec;
  spec.codec = codec.encoder;
  spec.rate = codec.rate;
  spec.frames = 45;
  spec.keyframeEvery = 15;
  return test::makeTestMovie(folder.path(), codec.file, spec).string();
}

TEST_P(MovieFileCodecs, EveryFrameDecodesInOrderWithItsNumberAndColour) {
  const Codec& codec = GetParam();
  test::TempFolder folder;
  MovieFile movie(makeMovie(folder, codec), 2);
  EXPECT_EQ(movie.facts().rate, codec.expected);
  EXPECT_EQ(movie.facts().frames, 45);
  EXPECT_EQ(movie.size().w, 320);
  EXPECT_EQ(movie.size().h, 180);
  for (int expected = 0; expected < 45; ++expected) {
    std::optional<MovieFrame> frame = movie.next();
    ASSERT_TRUE(frame) << "ended before frame " << expected;
    EXPECT_EQ(frame->frame, expected);
    EXPECT_EQ(test::frameOfColour(centreOf(frame->picture)), expected);
  }
  EXPECT_FALSE(movie.next());
}

TEST_P(MovieFileCodecs, SeekingLandsOnTheKeyframeBeforeAndDecodesForward) {
  test::TempFolder folder;
  MovieFile movie(makeMovie(folder, GetParam()), 2);
  for (std::int64_t target : {37, 3, 30, 0}) {
    movie.seekTo(target);
    std::optional<MovieFrame> frame = movie.next();
    ASSERT_TRUE(frame);
    EXPECT_LE(frame->frame, target) << "a seek never skips past its target";
    EXPECT_GE(frame->frame, target - 15) << "it starts at most one keyframe interval before";
    while (frame && frame->frame < target) frame = movie.next();
    ASSERT_TRUE(frame);
    EXPECT_EQ(frame->frame, target);
    EXPECT_EQ(test::frameOfColour(centreOf(frame->picture)), target);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Codecs, MovieFileCodecs,
    ::testing::Values(Codec{"libx264", "h264.mp4", "30000/1001", {30000, 1001}},
                      Codec{"libx265", "hevc.mkv", "25", {25, 1}},
                      Codec{"libvpx-vp9", "vp9.webm", "24000/1001", {24000, 1001}},
                      Codec{"mpeg4", "mpeg4.mov", "60", {60, 1}}),
    [](const auto& info) { return info.param.encoder.substr(info.param.encoder.find('-') + 1); });

std::string openError(const std::string& path) {
  try {
    MovieFile movie(path, 1);
  } catch (const MediaError& error) {
    return error.what();
  }
  return "opened";
}

TEST(MovieFile, FilesThatAreNoMovieSayWhichAndWhy) {
  test::TempFolder folder;
  std::string missing = folder / "missing.mp4";
  EXPECT_EQ(openError(missing).rfind(missing + ": cannot open as a movie", 0), 0u)
      << openError(missing);
  std::string text = folder.write("notes.mp4", "not a movie at all\n");
  EXPECT_EQ(openError(text).rfind(text + ": ", 0), 0u) << openError(text);
  EXPECT_NE(openError(text), "opened");
}

TEST(MovieFile, ATruncatedMovieEndsEarlyOrFailsNamingTheFile) {
  test::TempFolder folder;
  test::TestMovieSpec spec;
  spec.frames = 60;
  auto whole = test::makeTestMovie(folder.path(), "whole.mkv", spec);
  std::string cut = folder / "cut.mkv";
  std::filesystem::copy_file(whole, cut);
  std::filesystem::resize_file(cut, std::filesystem::file_size(whole) / 2);
  // Matroska states its length up front: the cut file claims all 60 frames
  // and must not deliver them, nor crash; what it says names the file.
  std::string error = openError(cut);
  if (error != "opened") {
    EXPECT_EQ(error.rfind(cut + ": ", 0), 0u) << error;
    return;
  }
  MovieFile movie(cut, 1);
  int frames = 0;
  try {
    while (movie.next()) ++frames;
  } catch (const MediaError& failure) {
    EXPECT_EQ(std::string(failure.what()).rfind(cut + ": ", 0), 0u) << failure.what();
  }
  EXPECT_LT(frames, movie.facts().frames);
}

// testsrc2's detail in `pixelFormat`: a region converted at the wrong place
// or with the wrong chroma would show, unlike in a flat test movie.
std::string makeDetailedMovie(const test::TempFolder& folder, const std::string& pixelFormat,
                              const std::string& size) {
  return test::makeDetailedMovie(folder / ("detail-" + pixelFormat + "-" + size + ".mkv"), size, 3,
                                 pixelFormat)
      .string();
}

class MovieFileRegions : public ::testing::TestWithParam<std::string> {};

// A node converts only what its display reads: those pixels must be the ones
// converting the whole picture gives, at any offset, in any chroma layout,
// whether the picture's width lets swscale cut columns (320) or not (330).
TEST_P(MovieFileRegions, ARegionConvertsAsInTheWholePicture) {
  test::TempFolder folder;
  for (const char* size : {"320x182", "330x182"}) {
    std::string path = makeDetailedMovie(folder, GetParam(), size);
    for (RectI region : {RectI{37, 21, 101, 77}, RectI{0, 0, 5, 3}, RectI{250, 120, 70, 61}}) {
      MovieFile whole(path, 1), part(path, 1);
      part.convertOnly(region);
      for (int frame = 0; frame < 3; ++frame) {
        std::optional<MovieFrame> expected = whole.next(), got = part.next();
        ASSERT_TRUE(expected && got);
        ASSERT_EQ(got->picture.width, expected->picture.width);
        ASSERT_EQ(got->picture.height, expected->picture.height);
        for (int y = region.y; y < region.bottom(); ++y)
          for (int x = region.x; x < region.right(); ++x)
            for (int c = 0; c < 4; ++c)
              ASSERT_EQ(got->picture.at(x, y)[c], expected->picture.at(x, y)[c])
                  << GetParam() << " " << size << " frame " << frame << " at " << x << "," << y;
        part.recycle(std::move(got->picture));  // the next picture reuses its memory
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(PixelFormats, MovieFileRegions,
                         ::testing::Values("yuv420p", "yuv422p", "yuv444p", "yuv420p10le"));

}  // namespace
}  // namespace hw
