#include <gtest/gtest.h>

#include "engine/movie/MovieFile.h"
#include "engine/movie/MovieProbe.h"
#include "engine/render/CueTilerSource.h"
#include "engine/render/MovieCuePlayback.h"
#include "engine/render/NodeWindowLayout.h"
#include "tests/engine/RenderFixtures.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/TempFolder.h"
#include "tests/support/TestMovie.h"
#include "tiler/MediaSource.h"

namespace hw {
namespace {

// A one-cue show of the movie at `path`, probed as playback probes it.
Playlist oneMovieShow(const std::string& path, FitMode fit, const LocalMirror& mirror) {
  Playlist show = test::showOf(1, 10);
  LayoutItem item;
  item.media.kind = MediaKind::Movie;
  item.media.uri = path;
  item.fit = fit;
  show.cues[0].items.push_back(item);
  probeMovies(show, mirror);
  return show;
}

// A node converts only the part of a movie its display reads
// (movieRegionShown); what it shows must still be, pixel for pixel, the
// tiler's tile of the whole decoded frame, as a still image of it would be.
TEST(MovieCuePlayback, ANodeShowsTheTilersTileOfTheWholeFrame) {
  test::TempFolder folder;
  std::string path = test::makeDetailedMovie(folder / "detail.mp4", "330x186", 6).string();
  WallConfig wall = test::smallWall(3, 3);
  LocalMirror mirror(folder / "mirror");
  Playlist show = oneMovieShow(path, FitMode::Fill, mirror);
  MediaSource media;
  CueTiler tiler(wall, media);
  CueTilerSource tiles(show, tiler);
  constexpr int kTick = 4;
  MovieFile whole(path, 1);
  std::optional<MovieFrame> frame;
  for (int i = 0; i <= kTick; ++i) frame = whole.next();
  ASSERT_TRUE(frame && frame->frame == kTick);
  MovieFrames wholeFrame{{path, std::make_shared<const Image>(std::move(frame->picture))}};
  for (const char* id : {"r1c1", "r0c2", "r2c0"}) {
    const NodeConfig& node = *wall.findNode(id);
    NodeWindowLayout layout(wall, node);
    RectI region = movieRegionShown(show.cues[0].items[0], whole.size(), layout);
    EXPECT_LT(region.w * region.h, whole.size().w * whole.size().h / 2) << id;
    MovieCuePlayback playback(show, 0, layout, tiles, mirror);
    std::optional<std::vector<Image>> shown = playback.take(kTick, true);
    ASSERT_TRUE(shown) << id << ": " << playback.error();
    Image expected = tiler.renderTile(show.cues[0], node, wholeFrame);
    ASSERT_EQ(shown->at(0).width, expected.width) << id;
    ASSERT_EQ(shown->at(0).height, expected.height) << id;
    EXPECT_TRUE(shown->at(0).pixels == expected.pixels) << id;
  }
}

// `late` is an operator's figure: frame intervals that came without their
// frame, once each, however often a window draws or a headless node polls.
TEST(MovieCuePlayback, AFrameAskedForUntilItIsReadyCountsLateOnce) {
  test::TempFolder folder;
  std::string path = test::makeDetailedMovie(folder / "late.mp4", "320x180", 40).string();
  WallConfig wall = test::smallWall(1, 1);
  LocalMirror mirror(folder / "mirror");
  Playlist show = oneMovieShow(path, FitMode::Fit, mirror);
  MediaSource media;
  CueTiler tiler(wall, media);
  CueTilerSource tiles(show, tiler);
  NodeWindowLayout layout(wall, wall.nodes.front());
  MovieCuePlayback playback(show, 0, layout, tiles, mirror);
  // Frame 30 needs the 30 before it decoded: asked for at once, it is not ready.
  int misses = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!playback.take(30, false) && std::chrono::steady_clock::now() < deadline) ++misses;
  ASSERT_GT(misses, 1) << playback.error();
  EXPECT_EQ(playback.stats().late, 1) << "after " << misses << " asks for one frame";
  EXPECT_EQ(playback.stats().frame, 30);
}

}  // namespace
}  // namespace hw
