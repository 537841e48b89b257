#include <gtest/gtest.h>

#include "engine/render/NodeWindowLayout.h"
#include "engine/render/SolidTiles.h"
#include "engine/render/WallGridLayout.h"
#include "tests/engine/RenderFixtures.h"

namespace hw {
namespace {

TEST(WallGridLayout, NineScreenWallFitsTheDefaultBounds) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  WallGridLayout layout(wall, previewSizeToFit(wall, kRehearsalWindowBounds));
  EXPECT_LE(layout.windowSize().w, kRehearsalWindowBounds.w);
  EXPECT_LE(layout.windowSize().h, kRehearsalWindowBounds.h);
  EXPECT_GE(layout.windowSize().h, kRehearsalWindowBounds.h - 2);
  EXPECT_NEAR(layout.scale(), 900.0 / 3252, 0.001);
}

TEST(WallGridLayout, WindowIsTheSizeOfTheComposedPreview) {
  WallConfig wall = test::smallWall(3, 2);
  for (double scale : {1.0, 0.5, 0.37}) {
    WallGridLayout layout(wall, previewSizeForScale(wall, scale));
    SolidTiles grey(wall, {90, 90, 90});
    std::vector<Image> pictures = layout.compose(grey, 0);
    ASSERT_EQ(pictures.size(), 1u);
    EXPECT_EQ(pictures[0].width, layout.windowSize().w) << scale;
    EXPECT_EQ(pictures[0].height, layout.windowSize().h) << scale;
    EXPECT_NEAR(layout.scale(), scale, 0.01);
  }
}

TEST(WallGridLayout, ScaleIsNeverAboveOne) {
  WallConfig wall = test::smallWall(2, 2);
  EXPECT_DOUBLE_EQ(WallGridLayout(wall, previewSizeToFit(wall, {5000, 5000})).scale(), 1.0);
}

TEST(NodeWindowLayout, RotatedNodeWindowIsItsTurnedFramebuffer) {
  WallConfig wall = test::smallWall(2, 1);
  wall.nodes[0].rotation = Rotation::R270;
  NodeWindowLayout layout(wall, wall.nodes[0]);
  EXPECT_EQ(layout.windowSize(), (Size{36, 64}));
  test::MadeTiles tiles(wall);
  std::vector<Image> pictures = layout.compose(tiles, 2);
  ASSERT_EQ(pictures.size(), 1u);
  EXPECT_EQ(pictures[0].pixels, tiles.tileFor(2, wall.nodes[0]).pixels);
}

}  // namespace
}  // namespace hw
