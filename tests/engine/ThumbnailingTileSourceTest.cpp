// The tile source a windowed node's Player draws from: tiles pass through
// whole, and a small copy of each stays for the node's frame reports.
#include <gtest/gtest.h>

#include "config/WallConfigLoader.h"
#include "engine/render/SolidTiles.h"
#include "engine/render/ThumbnailingTileSource.h"

namespace hw {
namespace {

TEST(ThumbnailingTileSource, PassesTilesThroughAndKeepsSmallCopiesNearTheLatestCue) {
  WallConfig wall = loadWallConfig("2x2-1080p");
  const Color red{200, 10, 20};
  SolidTiles solid(wall, red);
  ThumbnailingTileSource tiles(solid, 320);
  const NodeConfig& node = wall.nodes.front();

  Image tile = tiles.tileFor(3, node);
  EXPECT_EQ(tile.width, wall.displayWidth);
  EXPECT_EQ(tile.height, wall.displayHeight);
  Image small = tiles.thumbnail(3);
  EXPECT_EQ(small.width, 320);
  EXPECT_EQ(small.height, 320 * wall.displayHeight / wall.displayWidth);
  const std::uint8_t* p = small.at(small.width / 2, small.height / 2);
  EXPECT_EQ((Color{p[0], p[1], p[2]}), red);
  EXPECT_TRUE(tiles.thumbnail(4).empty()) << "never prepared";

  for (std::size_t cue = 0; cue < 10; ++cue) tiles.tileFor(cue, node);
  EXPECT_FALSE(tiles.thumbnail(9).empty());
  EXPECT_FALSE(tiles.thumbnail(2).empty());
  EXPECT_TRUE(tiles.thumbnail(0).empty()) << "the farthest from the latest cue goes first";
}

}  // namespace
}  // namespace hw
