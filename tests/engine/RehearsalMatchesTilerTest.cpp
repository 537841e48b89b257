#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "engine/render/CueTilerSource.h"
#include "engine/render/SnapshotRun.h"
#include "engine/render/WallGridLayout.h"
#include "tests/engine/RenderFixtures.h"
#include "tiler/CueTiler.h"
#include "tiler/ImageFile.h"
#include "tiler/WallPreview.h"

#include "tests/support/TempFolder.h"

namespace hw {
namespace {

using Kind = PlaybackCommand::Kind;

// A picture with detail everywhere, so a misplaced or mirrored tile shows.
Image photoLike(int width, int height, int seed) {
  Image image(width, height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      std::uint8_t* p = image.at(x, y);
      p[0] = static_cast<std::uint8_t>((x * 255) / width);
      p[1] = static_cast<std::uint8_t>((y * 255) / height);
      p[2] = static_cast<std::uint8_t>(((x / 8 + y / 8 + seed) % 2) * 200 + seed * 20);
    }
  return image;
}

int maxDifference(const Image& a, const Image& b) {
  int worst = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i)
    if (i % 4 != 3) worst = std::max(worst, std::abs(a.pixels[i] - b.pixels[i]));
  return worst;
}

Cue imageCue(const std::filesystem::path& file, FitMode fit, Color background) {
  Cue cue;
  cue.title = file.filename().string();
  cue.durationSeconds = 3.0;
  cue.transition = {TransitionType::Crossfade, 1.0};
  cue.background = background;
  LayoutItem item;
  item.media.uri = file.string();
  item.fit = fit;
  cue.items.push_back(item);
  return cue;
}

// The real tiler over real image files, rehearsed headless at half size.
class RehearsalMatchesTiler : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = test::testFolderPath("hw-rehearsal");
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_ / "media");
    wall_ = test::smallWall(3, 2, 96, 54, 3);
    wall_.nodes[4].rotation = Rotation::R90;
    wall_.nodes[2].active = false;
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::filesystem::path media(const std::string& name, int seed) {
    std::filesystem::path file = folder_ / "media" / name;
    writePngFile(photoLike(400 + seed * 30, 150 + seed * 20, seed), file);
    return file;
  }

  // Rehearses `show` headless into folder_/shots; returns the log.
  std::string rehearse(const Playlist& show, CueTiler& tiler, const WallGridLayout& layout) {
    CueTilerSource tiles(show, tiler);
    ManualClock clock;
    TimelineSpec spec = timelineSpecFor(show);
    spec.loop = false;
    PlaybackSchedule schedule{Timeline(spec)};
    schedule.submit({Kind::Play, 0.0});
    RenderWindow window({"test", layout.windowSize(), true});
    std::ostringstream log;
    Player player(window, clock, schedule, show, tiles, layout, {true}, log);
    SnapshotRun(window, player, clock, show, {folder_ / "shots", 20.0, 0}, log).run();
    return log.str();
  }

  MediaSourceOptions mediaOptions() const {
    MediaSourceOptions options;
    options.cacheRoot = folder_ / "cache";
    return options;
  }

  std::filesystem::path folder_;
  WallConfig wall_;
};

TEST_F(RehearsalMatchesTiler, SnapshotOfEachCueIsTheTilersWallPreview) {
  Playlist show;
  show.loop = false;
  show.cues = {imageCue(media("a.png", 1), FitMode::Fill, {0, 0, 0}),
               imageCue(media("b.png", 2), FitMode::Fit, {30, 60, 90}),
               imageCue(media("c.png", 3), FitMode::Stretch, {0, 0, 0})};
  MediaSource source(mediaOptions());
  CueTiler tiler(wall_, source);
  WallGridLayout layout(wall_, previewSizeForScale(wall_, 0.5));
  rehearse(show, tiler, layout);

  for (int cue = 0; cue < 3; ++cue) {
    Image shot = decodeImageFile(folder_ / "shots" / snapshotFileName(cue));
    Image preview =
        composeWallPreview(wall_, tiler.renderAll(show.cues[cue]), layout.previewSize());
    ASSERT_EQ(shot.width, preview.width);
    ASSERT_EQ(shot.height, preview.height);
    EXPECT_LE(maxDifference(shot, preview), 2) << "cue " << cue + 1;
  }
  // The cues differ, so matching each preview says something.
  Image first = decodeImageFile(folder_ / "shots" / snapshotFileName(0));
  Image second = decodeImageFile(folder_ / "shots" / snapshotFileName(1));
  EXPECT_GT(maxDifference(first, second), 50);
}

TEST_F(RehearsalMatchesTiler, CorruptFileMidShowShowsTheBackgroundAndTheShowGoesOn) {
  std::filesystem::path broken = folder_ / "media" / "broken.png";
  std::ofstream(broken) << "\x89PNG\r\n\x1a\n this is not an image";
  Playlist show;
  show.loop = false;
  show.cues = {imageCue(media("a.png", 1), FitMode::Fill, {0, 0, 0}),
               imageCue(broken, FitMode::Fill, {200, 40, 40}),
               imageCue(media("c.png", 3), FitMode::Fill, {0, 0, 0})};
  MediaSource source(mediaOptions());
  CueTiler tiler(wall_, source);
  WallGridLayout layout(wall_, previewSizeForScale(wall_, 1.0));
  std::string log = rehearse(show, tiler, layout);

  EXPECT_NE(log.find("cue 2 shows its background"), std::string::npos) << log;
  EXPECT_NE(log.find("broken.png"), std::string::npos) << log;
  Image background = decodeImageFile(folder_ / "shots" / snapshotFileName(1));
  RectI middle = WallCanvas(wall_).displayRect(1, 0);
  EXPECT_TRUE(test::pixelNear(background, middle.x + 40, middle.y + 20, 200, 40, 40, 0));
  Image third = decodeImageFile(folder_ / "shots" / snapshotFileName(2));
  Image preview = composeWallPreview(wall_, tiler.renderAll(show.cues[2]), layout.previewSize());
  EXPECT_LE(maxDifference(third, preview), 2);
}

}  // namespace
}  // namespace hw
