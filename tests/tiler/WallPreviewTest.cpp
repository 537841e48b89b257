#include <gtest/gtest.h>

#include "config/WallConfigLoader.h"
#include "tests/tiler/TilerTestSupport.h"
#include "tiler/FramebufferRotation.h"
#include "tiler/WallPreview.h"

namespace hw {
namespace {

Color colourOf(int col, int row) {
  return {static_cast<std::uint8_t>(60 + 60 * col), static_cast<std::uint8_t>(60 + 80 * row), 200};
}

std::vector<Tile> solidTiles(const WallConfig& wall) {
  std::vector<Tile> tiles;
  for (const NodeConfig& node : wall.nodes)
    if (node.active)
      tiles.push_back({node.id, node.col, node.row,
                       Image(wall.displayWidth, wall.displayHeight, colourOf(node.col, node.row))});
  return tiles;
}

void expectColour(const Image& image, int x, int y, Color c) {
  const std::uint8_t* p = image.at(x, y);
  EXPECT_EQ((Color{p[0], p[1], p[2]}), c) << "at " << x << "," << y;
}

TEST(WallPreview, TilesInTheirPlacesWithBezelBars) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  Image preview = composeWallPreview(wall, solidTiles(wall), 1920);
  EXPECT_EQ(preview.width, 1920);
  EXPECT_EQ(preview.height, 1082);  // 3252 * 1920 / 5772
  double s = 1920.0 / 5772;
  for (int row = 0; row < 3; ++row)
    for (int col = 0; col < 3; ++col)
      expectColour(preview, int((col * 1926 + 960) * s), int((row * 1086 + 540) * s),
                   colourOf(col, row));
  // The 6 px gaps become 2 px dark bars.
  expectColour(preview, int(1923 * s), 500, {10, 10, 10});
  expectColour(preview, 500, int(1083 * s), {10, 10, 10});
}

TEST(WallPreview, BarsStayVisibleWithoutBezelCompensation) {
  WallConfig wall = loadWallConfig("2x2-1080p");
  wall.bezelCompensation = false;
  Image preview = composeWallPreview(wall, solidTiles(wall), 960);
  ASSERT_EQ(preview.width, 960);
  int dark = 0;
  for (int x = 470; x < 490; ++x) dark += preview.at(x, 100)[0] == 10;
  EXPECT_GE(dark, 1);
  EXPECT_LE(dark, 2);
}

TEST(WallPreview, InactivePanelsAreCrossedOutAndRotatedTilesTurnedBack) {
  WallConfig wall = test::makeWall(2, 1, 300, 400);
  wall.nodes[0].rotation = Rotation::R90;
  wall.nodes[1].active = false;
  Image mounted(300, 400, {0, 200, 0});
  for (int y = 200; y < 400; ++y)
    for (int x = 0; x < 300; ++x) mounted.at(x, y)[1] = 0, mounted.at(x, y)[2] = 200;
  std::vector<Tile> tiles{{"r0c0", 0, 0, toFramebuffer(mounted, Rotation::R90)}};
  Image preview = composeWallPreview(wall, tiles, 1000);  // not enlarged
  ASSERT_EQ(preview.width, 606);
  expectColour(preview, 150, 100, {0, 200, 0});  // upright: green on top
  expectColour(preview, 150, 300, {0, 0, 200});
  expectColour(preview, 306 + 250, 100, {64, 18, 18});   // inactive, off the cross
  expectColour(preview, 306 + 150, 200, {150, 40, 40});  // on the cross
}

}  // namespace
}  // namespace hw
