#include <gtest/gtest.h>

#include <fstream>

#include "config/WallConfigLoader.h"
#include "tests/tiler/TilerTestSupport.h"
#include "tiler/CueTiler.h"
#include "tiler/DisplayViews.h"
#include "tiler/FramePool.h"
#include "tiler/FramebufferRotation.h"
#include "tiler/ImageFile.h"
#include "tiler/MediaError.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

namespace fs = std::filesystem;

class CueTilerTest : public ::testing::Test {
 protected:
  MediaSource& source() {
    if (!source_) {
      MediaSourceOptions options;
      options.cacheRoot = folder.path() / "cache";
      source_ = std::make_unique<MediaSource>(options);
    }
    return *source_;
  }
  std::string jpeg(const Image& image, const std::string& name) {
    fs::path path = folder.path() / name;
    test::writeJpegFile(image, path);
    return path.string();
  }
  std::string png(const Image& image, const std::string& name) {
    fs::path path = folder.path() / name;
    writePngFile(image, path);
    return path.string();
  }

  // Each tile, turned back to the wall's orientation, against the same window
  // of the canvas drawn in one piece; and proof the comparison would notice a
  // tile shifted by a pixel.
  void expectSeamless(const WallConfig& wall, const Cue& cue) {
    CueTiler tiler(wall, source());
    std::vector<Tile> tiles = tiler.renderAll(cue);
    Image canvasImage = tiler.renderCanvas(cue);
    WallCanvas canvas(wall);
    ASSERT_EQ(static_cast<int>(tiles.size()), wall.activeNodeCount());
    for (const Tile& tile : tiles) {
      Rotation rotation = wall.nodeAt(tile.col, tile.row).rotation;
      bool turned = rotation == Rotation::R90 || rotation == Rotation::R270;
      EXPECT_EQ(tile.image.width, turned ? wall.displayHeight : wall.displayWidth);
      EXPECT_EQ(tile.image.height, turned ? wall.displayWidth : wall.displayHeight);
      Image mounted = toMounted(tile.image, rotation);
      RectI rect = canvas.displayRect(tile.col, tile.row);
      EXPECT_LE(test::maxChannelDifference(mounted, test::crop(canvasImage, rect)), 2)
          << tile.nodeId;
      RectI shifted = rect;
      shifted.x += rect.x > 0 ? -1 : 1;
      EXPECT_GT(test::maxChannelDifference(mounted, test::crop(canvasImage, shifted)), 6)
          << tile.nodeId << ": the comparison cannot see a one-pixel shift";
    }
  }

  test::TempFolder folder;

 private:
  std::unique_ptr<MediaSource> source_;
};

TEST_F(CueTilerTest, JpegTilesReassembleIntoTheWholeCanvasOnTheNineScreenWall) {
  std::string file = jpeg(test::makePhotoLike(3191, 1795), "big.jpg");
  expectSeamless(loadWallConfig("3x3-1080p"), test::imageCue(file, FitMode::Fit));
}

TEST_F(CueTilerTest, PngFillTilesReassembleIntoTheWholeCanvas) {
  std::string file = png(test::makePhotoLike(1920, 1080, 3), "hd.png");
  Cue cue = test::imageCue(file, FitMode::Fill);
  cue.items[0].anchor = {0.2, 0.9};
  expectSeamless(loadWallConfig("3x3-1080p"), cue);
}

TEST_F(CueTilerTest, RotatedAndInactivePanelsStaySeamless) {
  WallConfig wall = test::makeWall(3, 2, 200, 300);  // portrait panels as mounted
  wall.nodes[0].rotation = Rotation::R90;
  wall.nodes[1].rotation = Rotation::R180;
  wall.nodes[2].rotation = Rotation::R270;
  wall.nodes[4].active = false;
  std::string file = png(test::makePhotoLike(333, 222, 5), "small.png");
  expectSeamless(wall, test::imageCue(file, FitMode::Stretch));
  CueTiler tiler(wall, source());
  Image r90 = tiler.renderTile(test::imageCue(file, FitMode::Stretch), wall.nodes[0]);
  EXPECT_EQ(r90.width, 300);
  EXPECT_EQ(r90.height, 200);
}

TEST_F(CueTilerTest, TilesShowTheMediaPixelTheGeometryMapsThemTo) {
  Image blocks = test::makeColourBlocks(800, 450, 16);
  std::string file = png(blocks, "blocks.png");
  WallConfig wall = loadWallConfig("2x2-1080p");
  Cue cue = test::imageCue(file, FitMode::Fit);
  std::vector<Tile> tiles = CueTiler(wall, source()).renderAll(cue);
  auto views = displayViews(cue.items[0], {800, 450}, wall);
  int checked = 0;
  for (std::size_t i = 0; i < tiles.size(); ++i) {
    const DisplayView& view = views[i];
    ASSERT_TRUE(view.visible);
    for (int y = 0; y < 1080; y += 7) {
      for (int x = 0; x < 1920; x += 7) {
        double u = view.source.x + (x + 0.5 - view.dest.x) * view.source.w / view.dest.w;
        double v = view.source.y + (y + 0.5 - view.dest.y) * view.source.h / view.dest.h;
        int bu = static_cast<int>(u), bv = static_cast<int>(v);
        // Only where the media is flat around the point: the filter cannot blur it.
        if (u < 2 || v < 2 || u > 798 || v > 448 || (bu - 2) / 16 != (bu + 2) / 16 ||
            (bv - 2) / 16 != (bv + 2) / 16)
          continue;
        for (int c = 0; c < 3; ++c)
          ASSERT_EQ(tiles[i].image.at(x, y)[c], blocks.at(bu, bv)[c])
              << view.nodeId << " at " << x << "," << y;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 50000);
}

TEST_F(CueTilerTest, ItemsAreDrawnInOrderOverTheBackground) {
  std::string red = png(Image(64, 64, {255, 0, 0}), "red.png");
  std::string blue = png(Image(100, 100, {0, 0, 255}), "blue.png");
  WallConfig wall = test::makeWall(2, 2, 320, 180);
  Cue cue = test::imageCue(red, FitMode::Stretch, {9, 9, 9});
  cue.items[0].region = {0, 0, 2, 1};
  LayoutItem small;
  small.media.uri = blue;
  small.fit = FitMode::Native;
  small.region = {1, 0, 1, 1};
  cue.items.push_back(small);
  std::vector<Tile> tiles = CueTiler(wall, source()).renderAll(cue);
  ASSERT_EQ(tiles.size(), 4u);
  EXPECT_EQ(tiles[0].image.at(160, 90)[0], 255);  // r0c0: red
  EXPECT_EQ(tiles[1].image.at(160, 90)[2], 255);  // r0c1: blue over red
  EXPECT_EQ(tiles[1].image.at(5, 5)[0], 255);     // r0c1 corner: red around it
  EXPECT_EQ(tiles[2].image.at(160, 90)[0], 9);    // bottom row: background
  EXPECT_EQ(tiles[3].image.at(0, 0)[1], 9);
}

// A node holds only the files of the items on its display (assetsForDisplay):
// its tile must draw them without opening the other items' files.
TEST_F(CueTilerTest, ANodesTileOpensOnlyTheFilesOfItemsOnItsDisplay) {
  std::string red = png(Image(64, 64, {255, 0, 0}), "red.png");
  std::string absent = (folder.path() / "on-the-other-column.png").string();
  WallConfig wall = test::makeWall(2, 1, 320, 180);
  Cue cue = test::imageCue(red, FitMode::Fill, {9, 9, 9});
  cue.items[0].region = {0, 0, 1, 1};
  LayoutItem right;
  right.media.uri = absent;
  right.region = {1, 0, 1, 1};
  cue.items.push_back(right);
  CueTiler tiler(wall, source());
  Image left = tiler.renderTile(cue, wall.nodeAt(0, 0));
  EXPECT_EQ(left.at(160, 90)[0], 255);
  EXPECT_EQ(left.at(160, 90)[2], 0);
  EXPECT_THROW(tiler.renderTile(cue, wall.nodeAt(1, 0)), MediaError)
      << "the file on its own display is still required";
}

TEST_F(CueTilerTest, MoviesAndUnplayableCuesShowTheBackground) {
  WallConfig wall = test::makeWall(2, 1, 64, 36);
  Cue movie = test::imageCue("/nowhere/clip.mp4", FitMode::Fit, {1, 2, 3});
  movie.items[0].media.kind = MediaKind::Movie;
  Cue skipped = test::imageCue("/nowhere/still.png", FitMode::Fit, {1, 2, 3});
  skipped.playable = false;
  for (const Cue& cue : {movie, skipped}) {
    for (const Tile& tile : CueTiler(wall, source()).renderAll(cue)) {
      EXPECT_EQ(tile.image.pixels, Image(64, 36, {1, 2, 3}).pixels) << tile.nodeId;
    }
  }
}

TEST_F(CueTilerTest, BadImageRaisesMediaErrorNamingIt) {
  fs::path bad = folder.path() / "bad.jpg";
  std::ofstream(bad) << "not a jpeg";
  WallConfig wall = test::makeWall(2, 1, 64, 36);
  CueTiler tiler(wall, source());
  try {
    tiler.renderAll(test::imageCue(bad.string(), FitMode::Fit));
    FAIL();
  } catch (const MediaError& e) {
    EXPECT_EQ(e.file(), bad.string());
  }
}

TEST_F(CueTilerTest, RecycledFramesGiveTheSamePictures) {
  WallConfig wall = test::makeWall(2, 2, 320, 180);
  wall.nodes[1].rotation = Rotation::R90;
  Image glass = test::makePhotoLike(200, 50, 6);
  for (std::size_t i = 3; i < glass.pixels.size(); i += 4) glass.pixels[i] = 100;
  std::vector<Cue> cues{
      test::imageCue(png(test::makePhotoLike(640, 360, 2), "full.png"), FitMode::Fill),
      test::imageCue(png(test::makePhotoLike(300, 100, 3), "wide.png"), FitMode::Fit, {70, 0, 0}),
      test::imageCue(png(glass, "glass.png"), FitMode::Fit, {0, 90, 0}),
      test::imageCue("/nowhere/x.png", FitMode::Fit, {1, 2, 3})};
  cues[3].playable = false;
  CueTiler reused(wall, source());
  for (const Cue& cue : cues) {
    std::vector<Tile> tiles = reused.renderAll(cue);
    std::vector<Tile> fresh = CueTiler(wall, source()).renderAll(cue);
    for (std::size_t t = 0; t < tiles.size(); ++t)
      ASSERT_EQ(tiles[t].image.pixels, fresh[t].image.pixels) << cue.items[0].media.uri;
    Image one = reused.renderTile(cue, wall.nodes[3]);
    ASSERT_EQ(one.pixels, fresh[3].image.pixels);
    reused.recycle(std::move(one));
    reused.recycle(std::move(tiles));  // the next cue draws over these leftovers
  }
}

TEST(FramePool, HandsBackWhatItWasGivenWithinItsBudget) {
  FramePool pool(1000);
  std::vector<std::uint8_t> a(400, 7);
  const std::uint8_t* memory = a.data();
  pool.give(std::move(a));
  std::vector<std::uint8_t> again = pool.take(400);
  EXPECT_EQ(again.data(), memory);  // the same memory, not a new allocation
  EXPECT_EQ(again.size(), 400u);
  EXPECT_EQ(pool.take(400).size(), 400u);  // empty pool: a new buffer
  pool.give(std::vector<std::uint8_t>(800));
  pool.give(std::vector<std::uint8_t>(800));  // over budget: dropped
  std::vector<std::uint8_t> smaller = pool.take(100);
  EXPECT_EQ(smaller.size(), 100u);
  EXPECT_GE(smaller.capacity(), 800u);
  EXPECT_GE(pool.take(2000).size(), 2000u);
}

TEST_F(CueTilerTest, OneNodesTileEqualsItsTileFromRenderAll) {
  std::string file = jpeg(test::makePhotoLike(700, 400, 9), "mid.jpg");
  WallConfig wall = loadWallConfig("2x2-1080p");
  Cue cue = test::imageCue(file, FitMode::Fill);
  CueTiler tiler(wall, source());
  std::vector<Tile> all = tiler.renderAll(cue);
  EXPECT_EQ(tiler.renderTile(cue, wall.nodeAt(1, 1)).pixels, all[3].image.pixels);
}

}  // namespace
}  // namespace hw
