#include <gtest/gtest.h>

#include "config/InputError.h"
#include "config/JsonFile.h"
#include "config/WallConfigLoader.h"
#include "tests/support/BadInputFiles.h"

namespace hw {
namespace {

TEST(WallPresets, AllRequiredPresetsExistAndParse) {
  for (const char* name : {"1x1-1080p", "2x2-1080p", "3x3-1080p", "5x3-1080p", "4x4-4k"}) {
    WallConfig wall = loadWallConfig(name);
    EXPECT_EQ(wall.name, name);
    EXPECT_EQ(static_cast<int>(wall.nodes.size()), wall.cols * wall.rows) << name;
  }
}

TEST(WallPresets, NineScreenHyperwall) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  EXPECT_EQ(wall.cols, 3);
  EXPECT_EQ(wall.rows, 3);
  EXPECT_EQ(wall.displayWidth, 1920);
  EXPECT_EQ(wall.displayHeight, 1080);
  EXPECT_EQ(wall.activeNodeCount(), 9);
  EXPECT_EQ(wall.nodeAt(2, 1).id, "r1c2");
  EXPECT_EQ(wall.nodeAt(2, 1).col, 2);
  EXPECT_EQ(wall.nodeAt(2, 1).row, 1);
}

TEST(WallGaps, BezelMillimetresBecomeWholePixelsAtThePanelPitch) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  // 3.5 mm glass-to-glass at 1920 px / 1209.6 mm = 5.56 px -> 6
  EXPECT_EQ(wall.gapXPixels(), 6);
  EXPECT_EQ(wall.gapYPixels(), 6);
  WallConfig uhd = loadWallConfig("4x4-4k");
  EXPECT_EQ(uhd.gapXPixels(), 11);  // 3.5 mm at 3840 px / 1209.6 mm = 11.1 px
}

TEST(WallGaps, CompensationOffMeansNoGap) {
  nlohmann::json doc = parseJsonText(wallPresetText("3x3-1080p"), "t");
  doc["bezel_compensation"] = false;
  WallConfig wall = parseWallConfig(doc, "t");
  EXPECT_EQ(wall.gapXPixels(), 0);
  EXPECT_EQ(wall.gapYPixels(), 0);
}

TEST(WallGaps, SingleDisplayHasNoGap) {
  EXPECT_EQ(loadWallConfig("1x1-1080p").gapXPixels(), 0);
}

TEST(WallNodes, ListedNodesOverrideDefaultsAtTheirCell) {
  nlohmann::json doc = parseJsonText(wallPresetText("2x2-1080p"), "t");
  doc["nodes"] = {{{"id", "left-top"}, {"col", 0}, {"row", 0}, {"host", "10.0.0.5"},
                   {"display", 1}, {"rotation", 180}},
                  {{"col", 1}, {"row", 1}, {"active", false}}};
  WallConfig wall = parseWallConfig(doc, "t");
  EXPECT_EQ(wall.nodeAt(0, 0).id, "left-top");
  EXPECT_EQ(wall.nodeAt(0, 0).host, "10.0.0.5");
  EXPECT_EQ(wall.nodeAt(0, 0).display, 1);
  EXPECT_EQ(wall.nodeAt(0, 0).rotation, Rotation::R180);
  EXPECT_FALSE(wall.nodeAt(1, 1).active);
  EXPECT_EQ(wall.nodeAt(1, 1).id, "r1c1");
  EXPECT_EQ(wall.activeNodeCount(), 3);
  ASSERT_NE(wall.findNode("left-top"), nullptr);
  EXPECT_EQ(wall.findNode("nobody"), nullptr);
}

TEST(WallConfigJson, RoundTrips) {
  nlohmann::json doc = parseJsonText(wallPresetText("5x3-1080p"), "t");
  doc["nodes"] = {{{"id", "x"}, {"col", 4}, {"row", 2}, {"rotation", 90}}};
  WallConfig wall = parseWallConfig(doc, "t");
  WallConfig again = parseWallConfig(wallConfigToJson(wall), "t");
  EXPECT_EQ(wallConfigToJson(again), wallConfigToJson(wall));
  EXPECT_EQ(again.nodeAt(4, 2).rotation, Rotation::R90);
}

TEST(WallConfigLoad, UnknownNameListsPresets) {
  try {
    loadWallConfig("3x3-1080");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "3x3-1080: no such wall file or preset (presets: 1x1-1080p, 2x2-1080p, "
                 "3x3-1080p, 4x4-4k, 5x3-1080p)");
  }
}

TEST(WallConfigLoad, EveryBadWallFileGivesItsExactError) {
  auto cases = test::badInputCases(HYPERWALL_SOURCE_DIR "/tests/data/bad-walls");
  ASSERT_GE(cases.size(), 10u);
  for (const auto& c : cases) {
    try {
      loadWallConfig(c.path);
      ADD_FAILURE() << c.name << " was accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.what(), c.expected) << c.name;
    }
  }
}

}  // namespace
}  // namespace hw
