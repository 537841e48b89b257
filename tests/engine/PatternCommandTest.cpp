#include <gtest/gtest.h>

#include <fstream>

#include "config/WallConfigLoader.h"
#include "engine/render/TestPattern.h"
#include "tests/engine/RenderFixtures.h"
#include "tests/support/TempFolder.h"
#include "tests/support/ChildProcess.h"
#include "tiler/ImageFile.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

class PatternCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = test::testFolderPath("hw-pattern");
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    wall_ = test::smallWall(2, 2, 160, 90, 4);
    wallFile_ = (folder_ / "wall.json").string();
    std::ofstream(wallFile_) << wallConfigToJson(wall_).dump();
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::filesystem::path folder_;
  WallConfig wall_;
  std::string wallFile_;
};

TEST_F(PatternCommand, HeadlessSnapshotIsEveryDisplaysPatternInItsPlace) {
  std::string out = (folder_ / "pattern.png").string();
  auto result = test::runCommand(
      {HYPERWALL_EXE, "pattern", "--wall", wallFile_, "--snapshot", out, "--scale", "1"});
  ASSERT_EQ(result.exitStatus, 0) << result.err;
  EXPECT_NE(result.err.find(out), std::string::npos) << result.err;
  Image shot = decodeImageFile(out);
  WallCanvas canvas(wall_);
  ASSERT_EQ(shot.width, canvas.size().w);
  ASSERT_EQ(shot.height, canvas.size().h);
  TextPainter text;
  for (const NodeConfig& node : wall_.nodes) {
    Image expected = testPatternTile(wall_, node, text);
    RectI place = canvas.displayRect(node.col, node.row);
    for (int y = 0; y < 90; y += 2)
      for (int x = 0; x < 160; x += 2)
        ASSERT_TRUE(test::pixelNear(shot, place.x + x, place.y + y, expected.at(x, y)[0],
                                    expected.at(x, y)[1], expected.at(x, y)[2], 0));
  }
}

TEST_F(PatternCommand, WithoutADisplayFallsBackToHeadlessAndSaysWhere) {
  auto result = test::runCommand({HYPERWALL_EXE, "pattern", "--wall", wallFile_},
                                 {{"DISPLAY", ""}, {"WAYLAND_DISPLAY", ""}},
                                 std::chrono::seconds(60), folder_.string());
  ASSERT_EQ(result.exitStatus, 0) << result.err;
  EXPECT_NE(result.err.find("no display"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("test-pattern.png"), std::string::npos) << result.err;
  EXPECT_TRUE(std::filesystem::exists(folder_ / "test-pattern.png"));
}

TEST_F(PatternCommand, BadScaleAndBadWallAreUsageErrors) {
  auto scale = test::runCommand({HYPERWALL_EXE, "pattern", "--headless", "--scale", "7"});
  EXPECT_EQ(scale.exitStatus, 2) << scale.err;
  auto wall = test::runCommand({HYPERWALL_EXE, "pattern", "--headless", "--wall", "9x9-nothing"});
  EXPECT_EQ(wall.exitStatus, 2) << wall.err;
  EXPECT_NE(wall.err.find("9x9-nothing"), std::string::npos) << wall.err;
}

}  // namespace
}  // namespace hw
