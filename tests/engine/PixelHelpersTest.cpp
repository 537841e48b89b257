#include <gtest/gtest.h>

#include "engine/render/GridLayout.h"
#include "engine/render/ImageResize.h"
#include "engine/render/TileOrientation.h"
#include "tests/engine/RenderFixtures.h"

namespace hw {
namespace {

Image numbered(int w, int h) {
  Image image(w, h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) image.at(x, y)[0] = static_cast<std::uint8_t>(y * w + x);
  return image;
}

TEST(TileOrientation, QuarterTurnPutsTheMountedTopLeftAtTheFramebufferBottomLeft) {
  Image mounted = numbered(4, 2);
  Image framebuffer = framebufferFromMounted(mounted, Rotation::R90);
  ASSERT_EQ(framebuffer.width, 2);
  ASSERT_EQ(framebuffer.height, 4);
  EXPECT_EQ(framebuffer.at(0, 3)[0], mounted.at(0, 0)[0]);
  EXPECT_EQ(framebuffer.at(1, 3)[0], mounted.at(0, 1)[0]);
  EXPECT_EQ(framebuffer.at(0, 0)[0], mounted.at(3, 0)[0]);
}

TEST(TileOrientation, EveryRotationRoundTrips) {
  Image mounted = numbered(5, 3);
  for (Rotation r : {Rotation::R0, Rotation::R90, Rotation::R180, Rotation::R270}) {
    Image back = mountedFromFramebuffer(framebufferFromMounted(mounted, r), r);
    EXPECT_EQ(back.pixels, mounted.pixels) << int(r);
  }
  Image half = framebufferFromMounted(mounted, Rotation::R180);
  EXPECT_EQ(half.at(0, 0)[0], mounted.at(4, 2)[0]);
}

TEST(ImageResize, AveragesTheCoveredPixels) {
  Image source(4, 2);
  for (int x = 0; x < 4; ++x) {
    source.at(x, 0)[1] = static_cast<std::uint8_t>(x < 2 ? 0 : 200);
    source.at(x, 1)[1] = static_cast<std::uint8_t>(x < 2 ? 100 : 200);
  }
  Image half = resizeImage(source, 2, 1);
  EXPECT_EQ(half.at(0, 0)[1], 50);
  EXPECT_EQ(half.at(1, 0)[1], 200);
}

TEST(ImageResize, UnevenRatiosWeighPartialPixels) {
  Image source(3, 1);
  source.at(0, 0)[0] = 0, source.at(1, 0)[0] = 90, source.at(2, 0)[0] = 180;
  Image two = resizeImage(source, 2, 1);
  EXPECT_EQ(two.at(0, 0)[0], 30);   // (0 * 1 + 90 * 0.5) / 1.5
  EXPECT_EQ(two.at(1, 0)[0], 150);  // (90 * 0.5 + 180 * 1) / 1.5
  EXPECT_EQ(resizeImage(source, 3, 1).pixels, source.pixels);
}

TEST(GridLayout, NineScreenWallFitsAndKeepsBezelBars) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  double scale = scaleToFit(wall, {1600, 900});
  GridLayout layout = gridLayoutFor(wall, scale);
  EXPECT_LE(layout.window.w, 1600);
  EXPECT_LE(layout.window.h, 900);
  ASSERT_EQ(layout.views.size(), 9u);
  for (const NodeView& view : layout.views) {
    EXPECT_TRUE(view.mounted);
    EXPECT_NEAR(view.place.w, 1920 * scale, 1.0);
    EXPECT_LE(view.place.right(), layout.window.w);
  }
  // Between columns 0 and 1 a bar of about gap * scale pixels stays empty.
  const RectI& left = layout.views[0].place;
  const RectI& right = layout.views[1].place;
  EXPECT_GE(right.x - left.right(), 1);
  EXPECT_NEAR(right.x - left.right(), wall.gapXPixels() * scale, 1.0);
}

TEST(GridLayout, AtScaleOneViewsAreTheCanvasRects) {
  WallConfig wall = test::smallWall(2, 2);
  GridLayout layout = gridLayoutFor(wall, 1.0);
  EXPECT_EQ(layout.window, (Size{132, 76}));
  EXPECT_EQ(layout.views[3].place, (RectI{68, 40, 64, 36}));
}

TEST(GridLayout, InactiveDisplaysAreLeftOut) {
  WallConfig wall = test::smallWall(2, 2);
  wall.nodes[1].active = false;
  GridLayout layout = gridLayoutFor(wall, 1.0);
  ASSERT_EQ(layout.views.size(), 3u);
  for (const NodeView& view : layout.views) EXPECT_NE(view.node.id, wall.nodes[1].id);
}

TEST(GridLayout, RotatedNodeFramebufferIsTurned) {
  WallConfig wall = test::smallWall(2, 1);
  wall.nodes[0].rotation = Rotation::R270;
  NodeView view = framebufferViewFor(wall, wall.nodes[0]);
  EXPECT_EQ(view.place, (RectI{0, 0, 36, 64}));
  EXPECT_FALSE(view.mounted);
}

}  // namespace
}  // namespace hw
