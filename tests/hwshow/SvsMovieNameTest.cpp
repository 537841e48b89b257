#include <gtest/gtest.h>

#include "hwshow/SvsMovieName.h"

namespace hw {
namespace {

const std::string kVis = "https://svs.gsfc.nasa.gov/vis/a005274/";

TEST(SvsMovieName, SizeAndRateFromEveryTagSvsWrites) {
  struct Case {
    std::string file;
    int width, height;
    FrameRate rate;
  };
  const Case cases[] = {
      {"flare_1080p60.mp4", 1920, 1080, {60, 1}},
      {"flare_2160p30.webm", 3840, 2160, {30, 1}},
      {"flare_1080p2997.mp4", 1920, 1080, {30000, 1001}},
      {"flare_4k.mp4", 3840, 2160, {}},
      {"flare_3840x2160.mov", 3840, 2160, {}},
      {"flare_5760x3240p30.mp4", 5760, 3240, {30, 1}},
      {"flare_hw5x3_810p30.mp4", 7200, 2430, {30, 1}},  // five by three displays of 1440x810
      {"flare_webmhd.webm", 1920, 1080, {}},
      {"flare_60p", 0, 0, {60, 1}},  // a frame folder's rate alone
      {"flare.mp4", 0, 0, {}},
  };
  for (const Case& c : cases) {
    SvsMovieName name = readSvsMovieName(kVis + c.file, 16.0 / 9.0);
    EXPECT_EQ(name.width, c.width) << c.file;
    EXPECT_EQ(name.height, c.height) << c.file;
    EXPECT_EQ(name.rate, c.rate) << c.file;
    EXPECT_EQ(name.version, "flare") << c.file;
  }
}

TEST(SvsMovieName, LinesAloneTakeThePostersShape) {
  SvsMovieName square = readSvsMovieName(kVis + "sun_1024p30.mp4", 1.0);
  EXPECT_EQ(square.width, 1024);
  EXPECT_EQ(square.height, 1024);
  SvsMovieName wide = readSvsMovieName(kVis + "sun_1024p30.mp4", 0.0);  // no poster: 16:9
  EXPECT_EQ(wide.width, 1820);
}

TEST(SvsMovieName, VersionsIgnoreCaseSeparatorsAndTheSizeTag) {
  auto version = [](const std::string& file) { return readSvsMovieName(kVis + file, 1).version; };
  EXPECT_EQ(version("20240430_AR13654M95_AIA131_PSF_stamped_1024p30.mp4"),
            version("20240430_AR13654M95_AIA131.PSF-stamped_2048p30.mp4?x=1"));
  EXPECT_NE(version("20240430_AR13654M95_AIA131_PSF_stamped_1024p30.mp4"),
            version("20240430_AR13654M95_AIA131.PSF_2048p30.mp4"));
  EXPECT_NE(version("AIA131_1024p30.mp4"), version("AIA171_1024p30.mp4"));
}

TEST(SvsMovieVersions, TheVersionWithTheLargestPictureIsShownAndTheOthersNamed) {
  std::vector<MediaCandidate> movies = {
      {kVis + "flare_plain_1080p30.mp4", 0, 0},
      {kVis + "flare_stamped_1080p30.mp4", 0, 0},
      {kVis + "flare_stamped_2160p30.mp4", 0, 0},
      {kVis + "flare_labels.mp4", 1280, 720},  // the page's size wins over the name's
  };
  SvsMovieVersions versions = chooseSvsMovieVersion(movies, 0);
  ASSERT_EQ(versions.shown.size(), 2u);
  EXPECT_EQ(versions.shown[0].uri, kVis + "flare_stamped_1080p30.mp4");
  EXPECT_EQ(versions.shown[0].width, 1920);
  EXPECT_EQ(versions.shown[1].height, 2160);
  EXPECT_EQ(versions.others,
            (std::vector<std::string>{"flare_plain_1080p30.mp4", "flare_labels.mp4"}));
}

TEST(SvsMovieVersions, AmongEqualsTheFirstListedIsShown) {
  std::vector<MediaCandidate> movies = {{kVis + "b_1080p30.mp4", 0, 0},
                                        {kVis + "a_1080p30.mp4", 0, 0}};
  SvsMovieVersions versions = chooseSvsMovieVersion(movies, 0);
  ASSERT_EQ(versions.shown.size(), 1u);
  EXPECT_EQ(versions.shown[0].uri, kVis + "b_1080p30.mp4");
}

}  // namespace
}  // namespace hw
