#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "engine/render/ManualClock.h"
#include "engine/render/NodeWindowLayout.h"
#include "engine/render/Player.h"
#include "engine/render/TestPatternTiles.h"
#include "engine/render/WallGridLayout.h"
#include "tests/support/TempFolder.h"
#include "tests/engine/RenderFixtures.h"
#include "tiler/ImageFile.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

using Kind = PlaybackCommand::Kind;

constexpr Color kRed{220, 30, 40};
constexpr Color kBlue{20, 60, 230};
constexpr Color kGreen{30, 200, 90};

// Everything one headless rehearsal grid needs, at scale 1 on a small wall.
struct Rig {
  WallConfig wall;
  Playlist playlist;
  WallGridLayout layout;
  ManualClock clock;
  PlaybackSchedule schedule;
  RenderWindow window;
  std::ostringstream log;
  Player player;

  Rig(WallConfig w, Playlist p, CueTileSource& tiles, bool waitForFrames = true,
      CueTileSource* pattern = nullptr)
      : wall(std::move(w)),
        playlist(std::move(p)),
        layout(wall, previewSizeForScale(wall, 1.0)),
        schedule(Timeline(timelineSpecFor(playlist))),
        window({"test", layout.windowSize(), true}),
        player(window, clock, schedule, playlist, tiles, layout, {waitForFrames, pattern}, log) {
    schedule.submit({Kind::Play, 0.0});
  }

  Image frameAt(double t) {
    clock.set(t);
    player.draw();
    Image pixels = window.readPixels();
    player.present();
    return pixels;
  }
  // A pixel in the middle of the display at (col, row).
  std::pair<int, int> middleOf(int col, int row) const {
    RectI place = WallCanvas(wall).displayRect(col, row);
    return {place.x + place.w / 2, place.y + place.h / 2};
  }
};

// Polls `condition`, drawing frames at a fixed clock time, until it holds or
// a generous deadline passes: preparing happens on the worker thread.
template <typename Condition>
bool eventually(Rig& rig, Condition condition) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    rig.player.draw();
    rig.player.present();
    if (condition()) return true;
    std::this_thread::yield();
  }
  return false;
}

TEST(Player, EveryTileLandsInItsPlaceWithBezelBarsBetween) {
  WallConfig wall = test::smallWall(2, 2);
  wall.nodes[3].rotation = Rotation::R90;
  test::MadeTiles tiles(wall);  // gradients
  Rig rig(wall, test::showOf(1, 5), tiles);
  Image shown = rig.frameAt(0.5);
  WallCanvas canvas(wall);
  for (const NodeConfig& node : wall.nodes) {
    Image expected = test::mountedGradient(0, node, 64, 36);
    RectI place = canvas.displayRect(node.col, node.row);
    for (int y = 0; y < 36; ++y)
      for (int x = 0; x < 64; ++x)
        ASSERT_TRUE(test::pixelNear(shown, place.x + x, place.y + y, expected.at(x, y)[0],
                                    expected.at(x, y)[1], expected.at(x, y)[2], 0))
            << node.id;
  }
  // The 4 px gaps between columns and rows are dark bezel bars.
  for (int gap : {64, 65, 66, 67}) EXPECT_TRUE(test::pixelNear(shown, gap, 10, 10, 10, 10, 0));
  for (int gap : {36, 39}) EXPECT_TRUE(test::pixelNear(shown, 10, gap, 10, 10, 10, 0));
}

TEST(Player, CrossfadeMidpointIsTheMeanOfBothCues) {
  WallConfig wall = test::smallWall(2, 1);
  test::MadeTiles tiles(wall, {kRed, kBlue});
  Rig rig(wall, test::showOf(2, 4, {TransitionType::Crossfade, 1.0}), tiles);
  auto [x, y] = rig.middleOf(1, 0);
  // Cue 1 fades in from the background over its first second.
  EXPECT_TRUE(test::pixelNear(rig.frameAt(1.5), x, y, kRed));
  EXPECT_TRUE(test::pixelNear(rig.frameAt(4.25), x, y, (3 * kRed.r + kBlue.r) / 4,
                              (3 * kRed.g + kBlue.g) / 4, (3 * kRed.b + kBlue.b) / 4));
  Image midpoint = rig.frameAt(4.5);
  EXPECT_TRUE(test::pixelNear(midpoint, x, y, (kRed.r + kBlue.r) / 2, (kRed.g + kBlue.g) / 2,
                              (kRed.b + kBlue.b) / 2));
  auto [x0, y0] = rig.middleOf(0, 0);
  EXPECT_TRUE(test::pixelNear(midpoint, x0, y0, (kRed.r + kBlue.r) / 2, (kRed.g + kBlue.g) / 2,
                              (kRed.b + kBlue.b) / 2));
  EXPECT_TRUE(test::pixelNear(rig.frameAt(5.0), x, y, kBlue, 0));
}

TEST(Player, CutSwitchesAtTheCueStart) {
  WallConfig wall = test::smallWall(1, 1);
  test::MadeTiles tiles(wall, {kRed, kBlue});
  Rig rig(wall, test::showOf(2, 4), tiles);
  EXPECT_TRUE(test::pixelNear(rig.frameAt(3.99), 30, 18, kRed, 0));
  EXPECT_TRUE(test::pixelNear(rig.frameAt(4.0), 30, 18, kBlue, 0));
}

TEST(Player, PauseHoldsTimeWhileTheClockRuns) {
  WallConfig wall = test::smallWall(1, 1);
  test::MadeTiles tiles(wall, {kRed, kBlue, kGreen});
  Rig rig(wall, test::showOf(3, 4), tiles);
  rig.frameAt(1.0);
  rig.schedule.submit({Kind::Pause, 1.5});
  for (double t : {1.5, 4.0, 9.0, 600.0}) {
    rig.clock.set(t);
    PlayerFrame frame = rig.player.draw();
    EXPECT_EQ(frame.position.cue, 0) << t;
    EXPECT_DOUBLE_EQ(frame.position.elapsed, 1.5) << t;
    EXPECT_TRUE(test::pixelNear(rig.window.readPixels(), 30, 18, kRed, 0)) << t;
    rig.player.present();
  }
  rig.schedule.submit({Kind::Resume, 600.0});
  rig.clock.set(603.0);
  PlayerFrame resumed = rig.player.draw();
  EXPECT_EQ(resumed.position.cue, 1);
  EXPECT_DOUBLE_EQ(resumed.position.elapsed, 0.5);
}

TEST(Player, GoToLandsOnTheRightCue) {
  WallConfig wall = test::smallWall(1, 1);
  test::MadeTiles tiles(wall, {kRed, kBlue, kGreen});
  Rig rig(wall, test::showOf(3, 4), tiles);
  rig.frameAt(1.0);
  rig.schedule.submit({Kind::GoTo, 2.0, 2});
  rig.clock.set(2.0);
  EXPECT_EQ(rig.player.draw().position.cue, 2);
  EXPECT_TRUE(test::pixelNear(rig.window.readPixels(), 30, 18, kGreen, 0));
}

TEST(Player, NextCueIsPreparedBeforeItIsDueSoTheChangeDoesNotWait) {
  WallConfig wall = test::smallWall(2, 2);
  test::MadeTiles tiles(wall, {kRed, kBlue});
  Rig rig(wall, test::showOf(2, 10), tiles, false);
  rig.clock.set(1.0);
  auto resident = [&](int cue) {
    auto cues = rig.player.residentCues();
    return std::find(cues.begin(), cues.end(), cue) != cues.end();
  };
  ASSERT_TRUE(eventually(rig, [&] { return resident(0) && resident(1); }));
  rig.clock.set(10.0);
  PlayerFrame first = rig.player.draw();
  EXPECT_EQ(first.position.cue, 1);
  EXPECT_TRUE(first.complete);
  auto [x, y] = rig.middleOf(1, 1);
  EXPECT_TRUE(test::pixelNear(rig.window.readPixels(), x, y, kBlue, 0));
}

TEST(Player, HoldsAtMostCurrentNextAndFadingPreviousCues) {
  WallConfig wall = test::smallWall(1, 1);
  test::MadeTiles tiles(wall);
  Rig rig(wall, test::showOf(40, 1.0, {TransitionType::Crossfade, 0.5}), tiles);
  for (int frame = 0; frame < 40 * 8; ++frame) {
    rig.clock.set(frame / 8.0);
    PlayerFrame drawn = rig.player.draw();
    rig.player.present();
    std::vector<int> cues = rig.player.residentCues();
    std::vector<int> allowed{drawn.position.cue, drawn.position.nextCue,
                             drawn.position.previousCue};
    ASSERT_LE(cues.size(), drawn.position.settled() ? 2u : 3u) << "frame " << frame;
    for (int cue : cues)
      ASSERT_NE(std::find(allowed.begin(), allowed.end(), cue), allowed.end()) << cue;
  }
}

TEST(Player, PresentLogRecordsWhenEachCueReachedTheScreen) {
  WallConfig wall = test::smallWall(1, 1);
  test::MadeTiles tiles(wall, {kRed, kBlue, kGreen});
  Rig rig(wall, test::showOf(3, 2), tiles);
  for (int frame = 0; frame <= 60; ++frame) rig.frameAt(frame / 10.0);
  std::vector<CuePresentation> log = rig.player.presentLog().entries();
  ASSERT_EQ(log.size(), 3u);
  for (int cue = 0; cue < 3; ++cue) {
    EXPECT_EQ(log[cue].cue, cue);
    EXPECT_NEAR(log[cue].presentedAt, 2.0 * cue, 1e-9);
  }
}

// Reads each cue's tile from a real image file, as the tiler will.
class FileTiles : public CueTileSource {
 public:
  explicit FileTiles(std::vector<std::filesystem::path> files) : files_(std::move(files)) {}
  Image tileFor(std::size_t cue, const NodeConfig&) override {
    return decodeImageFile(files_.at(cue));
  }

 private:
  std::vector<std::filesystem::path> files_;
};

TEST(Player, NodeWindowShowsItsFramebufferAndFadesLikeTheGrid) {
  WallConfig wall = test::smallWall(2, 1);
  wall.nodes[1].rotation = Rotation::R90;
  test::MadeTiles tiles(wall);
  Playlist show = test::showOf(2, 4, {TransitionType::Crossfade, 1.0});
  NodeWindowLayout layout(wall, wall.nodes[1]);
  ManualClock clock;
  PlaybackSchedule schedule{Timeline(timelineSpecFor(show))};
  schedule.submit({Kind::Play, 0.0});
  RenderWindow window({"node", layout.windowSize(), true});
  std::ostringstream log;
  Player player(window, clock, schedule, show, tiles, layout, {true}, log);

  clock.set(2.0);
  player.draw();
  Image settled = window.readPixels();
  EXPECT_EQ(settled.pixels, tiles.tileFor(0, wall.nodes[1]).pixels);
  clock.set(4.5);
  player.draw();
  Image midpoint = window.readPixels();
  Image a = tiles.tileFor(0, wall.nodes[1]), b = tiles.tileFor(1, wall.nodes[1]);
  for (int y = 0; y < midpoint.height; y += 3)
    for (int x = 0; x < midpoint.width; x += 3)
      ASSERT_TRUE(test::pixelNear(midpoint, x, y, (a.at(x, y)[0] + b.at(x, y)[0]) / 2,
                                  (a.at(x, y)[1] + b.at(x, y)[1]) / 2,
                                  (a.at(x, y)[2] + b.at(x, y)[2]) / 2));
}

TEST(Player, CorruptImageShowsTheBackgroundLogsOneLineAndTheShowGoesOn) {
  test::TempFolder temp("hw-player-corrupt");
  const std::filesystem::path& folder = temp.path();
  writePngFile(Image(64, 36, kRed), folder / "one.png");
  std::ofstream(folder / "two.png") << "\x89PNG\r\n\x1a\nnot really a png";
  writePngFile(Image(64, 36, kGreen), folder / "three.png");
  FileTiles tiles({folder / "one.png", folder / "two.png", folder / "three.png"});
  WallConfig wall = test::smallWall(1, 1);
  Playlist show = test::showOf(3, 2);
  show.cues[1].background = {77, 88, 99};
  Rig rig(wall, show, tiles);

  EXPECT_TRUE(test::pixelNear(rig.frameAt(1.0), 30, 18, kRed, 0));
  EXPECT_TRUE(test::pixelNear(rig.frameAt(3.0), 30, 18, 77, 88, 99, 0));
  EXPECT_TRUE(test::pixelNear(rig.frameAt(5.0), 30, 18, kGreen, 0));
  std::string log = rig.log.str();
  EXPECT_NE(log.find("cue 2"), std::string::npos) << log;
  EXPECT_NE(log.find("two.png"), std::string::npos) << log;
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 1) << log;
}

TEST(Player, TestPatternReplacesTheShowUntilToggledOff) {
  WallConfig wall = test::smallWall(2, 1, 160, 90, 4);
  test::MadeTiles tiles(wall, {kRed});
  TextPainter text;
  TestPatternTiles pattern(wall, text);
  Rig rig(wall, test::showOf(1, 100), tiles, true, &pattern);
  rig.player.showTestPattern(true);
  Image shown = rig.frameAt(1.0);
  WallCanvas canvas(wall);
  for (const NodeConfig& node : wall.nodes) {
    Image expected = testPatternTile(wall, node, text);
    RectI place = canvas.displayRect(node.col, node.row);
    for (int y = 0; y < 90; y += 3)
      for (int x = 0; x < 160; x += 3)
        ASSERT_TRUE(test::pixelNear(shown, place.x + x, place.y + y, expected.at(x, y)[0],
                                    expected.at(x, y)[1], expected.at(x, y)[2], 0));
  }
  rig.player.showTestPattern(false);
  EXPECT_TRUE(test::pixelNear(rig.frameAt(2.0), 40, 40, kRed, 0));
}

TEST(Player, StoppedShowDrawsTheDefaultBackground) {
  WallConfig wall = test::smallWall(1, 1);
  test::MadeTiles tiles(wall, {kRed});
  Playlist show = test::showOf(1, 5);
  show.defaults.background = {5, 6, 7};
  Rig rig(wall, show, tiles);
  rig.schedule.submit({Kind::Stop, 1.0});
  EXPECT_TRUE(test::pixelNear(rig.frameAt(2.0), 30, 18, 5, 6, 7, 0));
}

}  // namespace
}  // namespace hw
