#include <gtest/gtest.h>

#include <sstream>

#include "engine/render/SnapshotRun.h"
#include "engine/render/WallGridLayout.h"
#include "tests/engine/RenderFixtures.h"
#include "tiler/ImageFile.h"
#include "tiler/WallCanvas.h"

#include "tests/support/TempFolder.h"

namespace hw {
namespace {

using Kind = PlaybackCommand::Kind;

class SnapshotRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = test::testFolderPath("hw-snapshots");
    std::filesystem::remove_all(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::vector<std::filesystem::path> record(const WallConfig& wall, Playlist show, long frames,
                                            std::string* progress = nullptr) {
    test::MadeTiles tiles(wall);
    WallGridLayout layout(wall, previewSizeForScale(wall, 1.0));
    ManualClock clock;
    TimelineSpec spec = timelineSpecFor(show);
    spec.loop = false;
    PlaybackSchedule schedule{Timeline(spec)};
    schedule.submit({Kind::Play, 0.0});
    RenderWindow window({"test", layout.windowSize(), true});
    std::ostringstream log;
    Player player(window, clock, schedule, show, tiles, layout, {true}, log);
    SnapshotRun run(window, player, clock, show, {folder_, 10.0, frames}, log);
    auto written = run.run();
    if (progress) *progress = log.str();
    return written;
  }

  std::filesystem::path folder_;
};

TEST_F(SnapshotRunTest, WritesOneSettledPictureForEveryPlayableCue) {
  WallConfig wall = test::smallWall(2, 2);
  Playlist show = test::showOf(4, 3.0, {TransitionType::Crossfade, 1.0});
  show.cues[2].playable = false;
  std::string progress;
  auto written = record(wall, show, 0, &progress);
  ASSERT_EQ(written.size(), 3u);
  EXPECT_EQ(written[0].filename(), "cue-001.png");
  EXPECT_EQ(written[1].filename(), "cue-002.png");
  EXPECT_EQ(written[2].filename(), "cue-004.png");
  EXPECT_FALSE(std::filesystem::exists(folder_ / "cue-003.png"));
  EXPECT_NE(progress.find("cue 4/4 \"cue 4\""), std::string::npos) << progress;

  // Settled: each display shows exactly its tile of that cue, nothing of the previous one.
  WallCanvas canvas(wall);
  for (int cue : {0, 1, 3}) {
    Image shot = decodeImageFile(folder_ / snapshotFileName(cue));
    ASSERT_EQ(shot.width, canvas.size().w);
    for (const NodeConfig& node : wall.nodes) {
      Image expected = test::mountedGradient(cue, node, 64, 36);
      RectI place = canvas.displayRect(node.col, node.row);
      for (int y = 0; y < 36; y += 7)
        for (int x = 0; x < 64; x += 9)
          ASSERT_TRUE(test::pixelNear(shot, place.x + x, place.y + y, expected.at(x, y)[0],
                                      expected.at(x, y)[1], expected.at(x, y)[2], 0))
              << "cue " << cue << " " << node.id;
    }
  }
}

TEST_F(SnapshotRunTest, FrameLimitStopsEarly) {
  WallConfig wall = test::smallWall(1, 1);
  // 10 frames per second: 25 frames cover cue 1 (0-1 s), cue 2 (1-2 s) and half of cue 3.
  auto written = record(wall, test::showOf(5, 1.0, {TransitionType::Crossfade, 0.8}), 25);
  EXPECT_EQ(written.size(), 2u);
}

TEST_F(SnapshotRunTest, CueWhoseFadeLastsItsWholeTimeIsTakenAtItsLastFrame) {
  WallConfig wall = test::smallWall(1, 1);
  auto written = record(wall, test::showOf(3, 1.0, {TransitionType::Crossfade, 1.0}), 0);
  EXPECT_EQ(written.size(), 3u);
}

TEST(SnapshotFileName, CountsFromOneWithThreeDigits) {
  EXPECT_EQ(snapshotFileName(0), "cue-001.png");
  EXPECT_EQ(snapshotFileName(41), "cue-042.png");
  EXPECT_EQ(snapshotFileName(1233), "cue-1234.png");
}

}  // namespace
}  // namespace hw
