#include <gtest/gtest.h>

#include "config/WallConfigLoader.h"
#include "tests/tiler/TilerTestSupport.h"
#include "tiler/DisplayViews.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

constexpr double kEps = 1e-9;

LayoutItem item(FitMode fit, Anchor anchor = {}) {
  LayoutItem i;
  i.fit = fit;
  i.anchor = anchor;
  return i;
}

const DisplayView* findView(const std::vector<DisplayView>& views, int col, int row) {
  for (const auto& v : views)
    if (v.col == col && v.row == row) return &v;
  return nullptr;
}

const DisplayView& viewAt(const std::vector<DisplayView>& views, int col, int row) {
  if (const DisplayView* v = findView(views, col, row)) return *v;
  throw std::runtime_error("no view at " + std::to_string(col) + "," + std::to_string(row));
}

// Neighbours continue each other: what lies between their source rects is
// exactly the bezel gap in media pixels, and source/dest keep one scale.
void expectContinuous(const std::vector<DisplayView>& views, const WallConfig& wall, double scaleX,
                      double scaleY) {
  for (const auto& v : views) {
    if (!v.visible) continue;
    EXPECT_NEAR(v.source.w * scaleX, v.dest.w, kEps) << v.nodeId;
    EXPECT_NEAR(v.source.h * scaleY, v.dest.h, kEps) << v.nodeId;
  }
  for (int row = 0; row < wall.rows; ++row) {
    for (int col = 0; col + 1 < wall.cols; ++col) {
      const DisplayView* left = findView(views, col, row);
      const DisplayView* right = findView(views, col + 1, row);
      if (!left || !right || !left->visible || !right->visible) continue;
      EXPECT_NEAR(right->source.x - left->source.right(), wall.gapXPixels() / scaleX, kEps);
      EXPECT_NEAR(right->source.y, left->source.y, kEps);
      EXPECT_NEAR(right->source.h, left->source.h, kEps);
    }
  }
  for (int row = 0; row + 1 < wall.rows; ++row) {
    for (int col = 0; col < wall.cols; ++col) {
      const DisplayView* top = findView(views, col, row);
      const DisplayView* bottom = findView(views, col, row + 1);
      if (!top || !bottom || !top->visible || !bottom->visible) continue;
      EXPECT_NEAR(bottom->source.y - top->source.bottom(), wall.gapYPixels() / scaleY, kEps);
      EXPECT_NEAR(bottom->source.x, top->source.x, kEps);
    }
  }
}

TEST(DisplayViews, FitOnTheNineScreenWallIsContinuousAcrossBezels) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  auto views = displayViews(item(FitMode::Fit), {3191, 1795}, wall);
  ASSERT_EQ(views.size(), 9u);
  double scale = 5772.0 / 3191;  // width-limited: 3191x1795 is wider than 5772x3252
  expectContinuous(views, wall, scale, scale);
  // Every display is covered; the top row starts below the letterbox.
  double letterbox = (3252 - 1795 * scale) / 2;
  const DisplayView& topLeft = viewAt(views, 0, 0);
  EXPECT_TRUE(topLeft.visible);
  EXPECT_NEAR(topLeft.dest.y, letterbox, kEps);
  EXPECT_NEAR(topLeft.source.x, 0, kEps);
  EXPECT_NEAR(topLeft.source.y, 0, kEps);
  EXPECT_NEAR(topLeft.dest.w, 1920, kEps);
  // Across a row: displays plus hidden gaps add up to the whole media width.
  double across = 0;
  for (int col = 0; col < 3; ++col) across += viewAt(views, col, 1).source.w;
  EXPECT_NEAR(across + 2 * 6 / scale, 3191, 1e-6);
  EXPECT_NEAR(viewAt(views, 2, 2).source.right(), 3191, 1e-6);
  EXPECT_NEAR(viewAt(views, 2, 2).source.bottom(), 1795, 1e-6);
  EXPECT_EQ(viewAt(views, 2, 1).nodeId, "r1c2");
}

TEST(DisplayViews, WithoutBezelCompensationSourcesAbut) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  wall.bezelCompensation = false;
  auto views = displayViews(item(FitMode::Stretch), {1000, 500}, wall);
  expectContinuous(views, wall, 5760 / 1000.0, 3240 / 500.0);
  EXPECT_NEAR(viewAt(views, 1, 0).source.x, viewAt(views, 0, 0).source.right(), kEps);
  EXPECT_NEAR(viewAt(views, 1, 0).source.x, 1000 / 3.0, kEps);
}

TEST(DisplayViews, FillCropsAroundTheAnchor) {
  WallConfig wall = loadWallConfig("2x2-1080p");  // canvas 3846x2166
  auto top = displayViews(item(FitMode::Fill, {0.5, 0}), {1000, 1000}, wall);
  double scale = 3846 / 1000.0;
  expectContinuous(top, wall, scale, scale);
  EXPECT_NEAR(viewAt(top, 0, 0).source.y, 0, kEps);
  EXPECT_NEAR(viewAt(top, 0, 1).source.bottom(), 2166 / scale, kEps);
  auto bottom = displayViews(item(FitMode::Fill, {0.5, 1}), {1000, 1000}, wall);
  EXPECT_NEAR(viewAt(bottom, 0, 1).source.bottom(), 1000, kEps);
  EXPECT_NEAR(viewAt(bottom, 0, 0).source.y, 1000 - 2166 / scale, kEps);
  for (const auto& v : bottom) EXPECT_EQ(v.dest, (RectD{0, 0, 1920, 1080})) << v.nodeId;
}

TEST(DisplayViews, InactivePanelsAreSkipped) {
  WallConfig wall = loadWallConfig("2x2-1080p");
  wall.nodes[3].active = false;
  auto views = displayViews(item(FitMode::Stretch), {800, 600}, wall);
  ASSERT_EQ(views.size(), 3u);
  for (const auto& v : views) EXPECT_NE(v.nodeId, "r1c1");
  expectContinuous(views, wall, 3846 / 800.0, 2166 / 600.0);
}

TEST(DisplayViews, RotatedPanelsReportMountedGeometry) {
  // Seven portrait panels across, two down: 1080x1920 each as mounted.
  WallConfig wall = test::makeWall(7, 2, 1080, 1920);
  for (auto& node : wall.nodes) node.rotation = node.row == 0 ? Rotation::R90 : Rotation::R270;
  auto views = displayViews(item(FitMode::Fit), {8000, 1000}, wall);
  ASSERT_EQ(views.size(), 14u);
  WallCanvas canvas(wall);
  double scale = canvas.size().w / 8000.0;
  expectContinuous(views, wall, scale, scale);
  for (const auto& v : views) {
    EXPECT_EQ(v.rotation, v.row == 0 ? Rotation::R90 : Rotation::R270);
    EXPECT_LE(v.dest.right(), 1080 + kEps);
    EXPECT_LE(v.dest.bottom(), 1920 + kEps);
  }
  // Anchored to the top, 949.5 canvas px tall: the bottom row sees nothing.
  auto topOnly = displayViews(item(FitMode::Fit, {0.5, 0}), {8000, 1000}, wall);
  for (const auto& v : topOnly) {
    EXPECT_EQ(v.visible, v.row == 0) << v.nodeId;
    if (!v.visible) {
      EXPECT_TRUE(v.source.empty() && v.dest.empty());
    }
  }
}

TEST(DisplayViews, SingleDisplayShowsTheWholeMedia) {
  auto views = displayViews(item(FitMode::Fit), {3191, 1795}, loadWallConfig("1x1-1080p"));
  ASSERT_EQ(views.size(), 1u);
  EXPECT_NEAR(views[0].source.w, 3191, 1e-6);
  EXPECT_NEAR(views[0].source.h, 1795, 1e-6);
  // 3191:1795 is a hair narrower than 16:9: height-limited, thin side bars.
  EXPECT_NEAR(views[0].dest.h, 1080, kEps);
  EXPECT_NEAR(views[0].dest.x, (1920 - 3191 * 1080 / 1795.0) / 2, kEps);
}

TEST(DisplayViews, ImageSmallerThanOneDisplayLandsOnTheCentreOnly) {
  auto views = displayViews(item(FitMode::Native), {300, 200}, loadWallConfig("3x3-1080p"));
  for (const auto& v : views) {
    EXPECT_EQ(v.visible, v.col == 1 && v.row == 1) << v.nodeId;
    if (!v.visible) continue;
    EXPECT_EQ(v.source, (RectD{0, 0, 300, 200}));
    // (5772 - 300) / 2 = 2736 on the canvas, minus the centre display's 1926.
    EXPECT_EQ(v.dest, (RectD{810, 440, 300, 200}));
  }
}

TEST(DisplayViews, RegionsOnlyReachTheirDisplays) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  LayoutItem right = item(FitMode::Stretch);
  right.region = {1, 0, 2, 0};  // columns 1-2, every row
  auto views = displayViews(right, {100, 100}, wall);
  for (const auto& v : views) EXPECT_EQ(v.visible, v.col >= 1) << v.nodeId;
  EXPECT_NEAR(viewAt(views, 1, 0).source.x, 0, kEps);
  expectContinuous(views, wall, 3846 / 100.0, 3252 / 100.0);
}

TEST(DisplayViews, UnknownMediaSizeShowsNothing) {
  auto views = displayViews(item(FitMode::Fit), {0, 0}, loadWallConfig("2x2-1080p"));
  ASSERT_EQ(views.size(), 4u);
  for (const auto& v : views) EXPECT_FALSE(v.visible);
}

}  // namespace
}  // namespace hw
