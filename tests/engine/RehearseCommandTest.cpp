#include <gtest/gtest.h>

#include <cstdlib>

#include "config/WallConfigLoader.h"
#include "engine/render/SnapshotRun.h"
#include "engine/render/WallGridLayout.h"
#include "hwshow/ShowLoader.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/TempFolder.h"
#include "tiler/CueTiler.h"
#include "tiler/ImageFile.h"
#include "tiler/WallPreview.h"

namespace hw {
namespace {

const std::string kSeedShow = std::string(HYPERWALL_SOURCE_DIR) + "/examples/mabl-b/mabl-b.hwshow";
// Made by the build (examples/CMakeLists.txt), beside the hyperwall binary.
const std::string kFirstLightShow = (std::filesystem::path(HYPERWALL_EXE).parent_path() /
                                     "examples" / "first-light" / "first-light.hwshow")
                                        .string();

int maxDifference(const Image& a, const Image& b) {
  int worst = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i)
    if (i % 4 != 3) worst = std::max(worst, std::abs(a.pixels[i] - b.pixels[i]));
  return worst;
}

class RehearseCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = test::testFolderPath("hw-rehearse");
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_ / "cache");
    // The command and this test share one (empty) media cache.
    env_ = {{"HYPERWALL_CACHE", (folder_ / "cache").string()},
            {"DISPLAY", ""},
            {"WAYLAND_DISPLAY", ""}};
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::filesystem::path folder_;
  std::map<std::string, std::string> env_;
};

TEST_F(RehearseCommand, SeedShowSnapshotsMatchTheTilersWallPreviews) {
  std::filesystem::path shots = folder_ / "shots";
  auto result = test::runCommand({HYPERWALL_EXE, "rehearse", kSeedShow, "--wall", "3x3-1080p",
                                  "--headless", "--snapshot", shots.string()},
                                 env_, std::chrono::seconds(240));
  ASSERT_EQ(result.exitStatus, 0) << result.err;

  setenv("HYPERWALL_CACHE", env_["HYPERWALL_CACHE"].c_str(), 1);
  WallConfig wall = loadWallConfig("3x3-1080p");
  Playlist show = loadShow({kSeedShow}, wall);
  ASSERT_FALSE(show.cues.empty());
  MediaSourceOptions options = MediaSourceOptions::defaults();
  options.bundledStandIns = std::filesystem::path(HYPERWALL_EXE).parent_path() / "standins";
  MediaSource media(options);
  CueTiler tiler(wall, media);
  int previewSize = previewSizeToFit(wall, kRehearsalWindowBounds);
  int compared = 0;
  for (std::size_t cue = 0; cue < show.cues.size(); ++cue) {
    std::filesystem::path shot = shots / snapshotFileName(int(cue));
    if (!show.cues[cue].playable) {
      EXPECT_FALSE(std::filesystem::exists(shot)) << shot;
      continue;
    }
    Image snapshot = decodeImageFile(shot);
    Image preview = composeWallPreview(wall, tiler.renderAll(show.cues[cue]), previewSize);
    ASSERT_EQ(snapshot.width, preview.width) << shot;
    ASSERT_EQ(snapshot.height, preview.height) << shot;
    EXPECT_LE(maxDifference(snapshot, preview), 2) << shot;
    EXPECT_NE(result.err.find(shot.filename().string()), std::string::npos) << result.err;
    ++compared;
  }
  EXPECT_GE(compared, 2);
}

// README command 1, without a display: the first-light show (pictures and a
// movie made at build time), then the MABL-B show, one snapshot per cue.
TEST_F(RehearseCommand, WithoutADisplayFallsBackToSnapshotsInTheDefaultFolder) {
  auto result = test::runCommand(
      {HYPERWALL_EXE, "rehearse", kFirstLightShow, kSeedShow, "--wall", "3x3-1080p"}, env_,
      std::chrono::seconds(240), folder_.string());
  ASSERT_EQ(result.exitStatus, 0) << result.err;
  EXPECT_NE(result.err.find("no display"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("rehearsal/cue-NNN.png"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("cue 4/7 \"Aurora in motion\" -> rehearsal/cue-004.png"),
            std::string::npos)
      << result.err;
  for (int cue = 0; cue < 7; ++cue)
    EXPECT_TRUE(std::filesystem::exists(folder_ / "rehearsal" / snapshotFileName(cue))) << cue;
}

// The bundled movie moves on the wall: two instants of its cue (which starts
// at 39 s, after 12 + 12 + 15 s of pictures) show two frames, both different.
TEST_F(RehearseCommand, TheFirstLightMovieMovesOnTheWall) {
  std::filesystem::path shots = folder_ / "shots";
  auto result = test::runCommand({HYPERWALL_EXE, "rehearse", kFirstLightShow, "--wall", "3x3-1080p",
                                  "--snapshot", shots.string(), "--at", "41.25,42.75"},
                                 env_, std::chrono::seconds(240));
  ASSERT_EQ(result.exitStatus, 0) << result.err;
  EXPECT_NE(result.err.find("41.25 s: cue 4/4, movie frame 68"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("42.75 s: cue 4/4, movie frame 113"), std::string::npos) << result.err;
  Image early = decodeImageFile(shots / instantFileName(41.25));
  Image late = decodeImageFile(shots / instantFileName(42.75));
  ASSERT_EQ(early.width, late.width);
  // The curtain sways: a good part of the wall changes between the two frames.
  std::size_t changed = 0;
  for (int y = 0; y < early.height; ++y)
    for (int x = 0; x < early.width; ++x)
      changed += std::abs(early.at(x, y)[1] - late.at(x, y)[1]) > 24;
  EXPECT_GT(changed, static_cast<std::size_t>(early.width) * early.height / 20);
}

TEST_F(RehearseCommand, FrameLimitAndFpsStepTimeDeterministically) {
  // 30 frames at 10 fps = 3 s of show time: only the first cue (20 s) is reached.
  std::filesystem::path shots = folder_ / "shots";
  auto result =
      test::runCommand({HYPERWALL_EXE, "rehearse", kSeedShow, "--wall", "3x3-1080p", "--snapshot",
                        shots.string(), "--frames", "30", "--fps", "10", "--scale", "0.1"},
                       env_, std::chrono::seconds(240));
  ASSERT_EQ(result.exitStatus, 0) << result.err;
  EXPECT_TRUE(std::filesystem::exists(shots / "cue-001.png"));
  EXPECT_FALSE(std::filesystem::exists(shots / "cue-002.png"));
  EXPECT_EQ(decodeImageFile(shots / "cue-001.png").width, 577);
}

TEST_F(RehearseCommand, BadInputIsOneLineAndExitTwo) {
  auto missing = test::runCommand(
      {HYPERWALL_EXE, "rehearse", (folder_ / "nope.hwshow").string(), "--headless"}, env_);
  EXPECT_EQ(missing.exitStatus, 2) << missing.err;
  EXPECT_NE(missing.err.find("nope.hwshow"), std::string::npos) << missing.err;
  EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1) << missing.err;
  auto fps = test::runCommand({HYPERWALL_EXE, "rehearse", kSeedShow, "--fps", "0"}, env_);
  EXPECT_EQ(fps.exitStatus, 2) << fps.err;
  auto none = test::runCommand({HYPERWALL_EXE, "rehearse"}, env_);
  EXPECT_EQ(none.exitStatus, 2) << none.err;
}

}  // namespace
}  // namespace hw
