#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "config/WallConfigLoader.h"
#include "engine/movie/MovieFile.h"
#include "engine/movie/PerDisplayMovies.h"
#include "tests/engine/RenderFixtures.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/TempFolder.h"
#include "tests/support/TestMovie.h"
#include "tiler/CueTiler.h"
#include "tiler/FramebufferRotation.h"

namespace hw {
namespace {

// Mean absolute difference per channel of two same-sized pictures (alpha left out).
double meanDifference(const Image& a, const Image& b) {
  long long sum = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i)
    if (i % 4 != 3) sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
  return static_cast<double>(sum) / (a.pixels.size() / 4 * 3);
}

// `hyperwall tile MOVIE`: every display's movie is, frame by frame, the tile
// a node cuts from the source while playing it (so seams match as for
// images), at the display's native size and rotation; inactive panels get none.
TEST(PerDisplayMovies, EachDisplaysMovieIsTheTilersCutOfEverySourceFrame) {
  test::TempFolder folder;
  // testsrc2 has detail everywhere (a shifted cut shows) and its hue turns 36
  // degrees a frame (a wrong frame shows everywhere).
  std::string source =
      test::makeDetailedMovie(folder / "source.mp4", "320x180", 12, "yuv420p", "hue=H=6*PI*t")
          .string();
  WallConfig wall = test::smallWall(3, 2, 160, 90);
  wall.nodes[1].rotation = Rotation::R90;
  wall.nodes[4].active = false;
  std::string wallFile = folder.write("wall.json", wallConfigToJson(wall).dump());
  std::filesystem::path out = folder.path() / "tiles";
  auto result = test::runCommand({HYPERWALL_EXE, "tile", source, "--wall", wallFile, "--out",
                                  out.string(), "--fit", "fill"},
                                 {}, std::chrono::seconds(120));
  ASSERT_EQ(result.exitStatus, 0) << result.err;
  EXPECT_NE(result.err.find("frame 12 of 12 (100 %)"), std::string::npos) << result.err;
  nlohmann::json manifest = nlohmann::json::parse(std::ifstream(out / "manifest.json"));
  EXPECT_EQ(manifest["frames"], 12);
  EXPECT_EQ(manifest["fps"], "30");
  EXPECT_FALSE(manifest["displays"].contains(wall.nodes[4].id));
  EXPECT_FALSE(std::filesystem::exists(out / (wall.nodes[4].id + ".mp4")));

  // What a node cuts from each source frame, as playback does.
  MovieFile whole(source, 1);
  Cue cue = wholeWallMovieCue(source, whole, FitMode::Fill);
  MediaSource media;
  CueTiler tiler(wall, media);
  std::vector<MovieFrames> frames;
  while (auto frame = whole.next())
    frames.push_back({{source, std::make_shared<const Image>(std::move(frame->picture))}});
  ASSERT_EQ(frames.size(), 12u);

  for (const NodeConfig& node : wall.nodes) {
    if (!node.active) continue;
    MovieFile cut((out / (node.id + ".mp4")).string(), 1);
    EXPECT_EQ(cut.size(), framebufferSize(wall, node.rotation)) << node.id;
    EXPECT_EQ(cut.facts().frames, 12) << node.id;
    for (std::size_t k = 0; k < frames.size(); ++k) {
      std::optional<MovieFrame> got = cut.next();
      ASSERT_TRUE(got) << node.id << " ends before frame " << k;
      double right = meanDifference(got->picture, tiler.renderTile(cue, node, frames[k]));
      double neighbour = meanDifference(
          got->picture, tiler.renderTile(cue, node, frames[k == 0 ? 1 : k - 1]));
      // H.264 at CRF 18 in 4:2:0 keeps within a few levels (more where the hue
      // changes within a few pixels); the neighbouring frame's cut is at least
      // twice as far off, so the comparison tells frames apart.
      EXPECT_LT(right, 10.0) << node.id << " frame " << k;
      EXPECT_LT(right * 2, neighbour) << node.id << " frame " << k << ": " << right << " " << neighbour;
    }
  }
}

}  // namespace
}  // namespace hw
