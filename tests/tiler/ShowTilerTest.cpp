#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/tiler/TilerTestSupport.h"
#include "tiler/CueTiler.h"
#include "tiler/ImageFile.h"
#include "tiler/ShowTiler.h"

namespace hw {
namespace {

namespace fs = std::filesystem;

TEST(ShowTiler, WritesEveryCueAndReportsTheBadOneByFile) {
  test::TempFolder folder;
  fs::path good = folder.path() / "good.png", bad = folder.path() / "bad.jpg";
  writePngFile(test::makePhotoLike(300, 200), good);
  std::ofstream(bad) << "truncated";
  Playlist show;
  show.cues.push_back(test::imageCue(good.string(), FitMode::Fit));
  show.cues.push_back(test::imageCue(bad.string(), FitMode::Fit));
  show.cues.push_back(test::imageCue("https://example.org/media/missing.jpg", FitMode::Fill));
  show.cues.back().items[0].media.width = 640;
  show.cues.back().items[0].media.height = 360;
  show.cues.push_back(test::imageCue("/nowhere/clip.mp4", FitMode::Fit, {5, 6, 7}));
  show.cues.back().playable = false;
  show.cues.back().skipReason = "movies are not played yet";

  WallConfig wall = test::makeWall(2, 2, 160, 90);
  wall.nodes[3].active = false;
  MediaSourceOptions options;
  options.cacheRoot = folder.path() / "cache";
  MediaSource media(options);
  std::ostringstream progress;
  fs::path out = folder.path() / "out";
  ShowTilingResult result = tileShow(show, wall, media, {out, 200}, progress);

  EXPECT_EQ(result.cuesWritten, 3);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].find("cue 2/4"), std::string::npos) << result.errors[0];
  EXPECT_NE(result.errors[0].find(bad.string()), std::string::npos) << result.errors[0];
  EXPECT_NE(progress.str().find("stand-in"), std::string::npos) << progress.str();
  EXPECT_NE(progress.str().find("movies are not played yet"), std::string::npos);
  for (const char* cue : {"cue-001", "cue-003", "cue-004"}) {
    for (const char* file : {"r0c0.png", "r0c1.png", "r1c0.png", "wall.png"})
      EXPECT_TRUE(fs::exists(out / cue / file)) << cue << "/" << file;
    EXPECT_FALSE(fs::exists(out / cue / "r1c1.png")) << "inactive panel written";
  }
  EXPECT_FALSE(fs::exists(out / "cue-002" / "wall.png"));
  // The files hold exactly the tiles (PNG is lossless).
  std::vector<Tile> tiles = CueTiler(wall, media).renderAll(show.cues[0]);
  EXPECT_EQ(decodeImageFile(out / "cue-001" / "r0c1.png").pixels, tiles[1].image.pixels);
  Image preview = decodeImageFile(out / "cue-001" / "wall.png");
  EXPECT_EQ(preview.width, 200);
  EXPECT_EQ(decodeImageFile(out / "cue-004" / "r1c0.png").pixels, Image(160, 90, {5, 6, 7}).pixels);
}

}  // namespace
}  // namespace hw
