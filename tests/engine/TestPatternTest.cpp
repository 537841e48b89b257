#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "engine/render/TestPattern.h"
#include "tests/engine/RenderFixtures.h"
#include "tiler/FramebufferRotation.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

struct Line {
  double slope = 0, offset = 0;  // canvas y = slope * x + offset
  double at(double x) const { return slope * x + offset; }
};

// Least-squares line through the centres of every pixel of `color` in the
// display's mounted picture, in canvas coordinates.
Line fitLine(const WallConfig& wall, const NodeConfig& node, const Image& framebuffer, Color color,
             int* count) {
  Image mounted = toMounted(framebuffer, node.rotation);
  RectI place = WallCanvas(wall).displayRect(node.col, node.row);
  double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (int y = 0; y < mounted.height; ++y)
    for (int x = 0; x < mounted.width; ++x) {
      const std::uint8_t* p = mounted.at(x, y);
      if (p[0] != color.r || p[1] != color.g || p[2] != color.b) continue;
      double cx = place.x + x + 0.5, cy = place.y + y + 0.5;
      n += 1, sx += cx, sy += cy, sxx += cx * cx, sxy += cx * cy;
    }
  *count = static_cast<int>(n);
  double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return {slope, (sy - slope * sx) / n};
}

// The diagonal on two neighbouring displays, each fitted alone, is one line:
// across both displays and the bezel between them they differ by at most 1 px.
void expectOneLine(const WallConfig& wall, const NodeConfig& a, const NodeConfig& b, Color color) {
  TextPainter text;
  int countA = 0, countB = 0;
  Line lineA = fitLine(wall, a, testPatternTile(wall, a, text), color, &countA);
  Line lineB = fitLine(wall, b, testPatternTile(wall, b, text), color, &countB);
  ASSERT_GT(countA, wall.displayWidth / 4) << a.id;
  ASSERT_GT(countB, wall.displayWidth / 4) << b.id;
  WallCanvas canvas(wall);
  RectI first = canvas.displayRect(a.col, a.row), second = canvas.displayRect(b.col, b.row);
  for (double x = std::min(first.x, second.x); x <= std::max(first.right(), second.right()); x += 1)
    ASSERT_NEAR(lineA.at(x), lineB.at(x), 1.0) << a.id << " vs " << b.id << " at canvas x " << x;
}

TEST(TestPattern, DiagonalRunsOnAcrossTheBezelBetweenSideBySideDisplays) {
  WallConfig wall = test::smallWall(2, 1, 160, 90, 4);
  ASSERT_EQ(wall.gapXPixels(), 8);
  expectOneLine(wall, wall.nodeAt(0, 0), wall.nodeAt(1, 0), kPatternDiagonalDown);
  expectOneLine(wall, wall.nodeAt(0, 0), wall.nodeAt(1, 0), kPatternDiagonalUp);
}

TEST(TestPattern, DiagonalRunsOnAcrossTheCornerOfAThreeByThreeWall) {
  WallConfig wall = test::smallWall(3, 3, 160, 90, 4);
  expectOneLine(wall, wall.nodeAt(0, 0), wall.nodeAt(1, 1), kPatternDiagonalDown);
  expectOneLine(wall, wall.nodeAt(1, 1), wall.nodeAt(2, 2), kPatternDiagonalDown);
  expectOneLine(wall, wall.nodeAt(2, 0), wall.nodeAt(1, 1), kPatternDiagonalUp);
}

TEST(TestPattern, DiagonalFollowsTheCanvasNotTheDisplay) {
  WallConfig wall = test::smallWall(2, 1, 160, 90, 4);
  TextPainter text;
  int count = 0;
  const NodeConfig& right = wall.nodeAt(1, 0);
  Line line =
      fitLine(wall, right, testPatternTile(wall, right, text), kPatternDiagonalDown, &count);
  Size canvas = WallCanvas(wall).size();
  EXPECT_NEAR(line.slope, double(canvas.h) / canvas.w, 0.01);
  EXPECT_NEAR(line.at(200), 200.0 * canvas.h / canvas.w, 1.0);
}

TEST(TestPattern, RotatedDisplayShowsTheSameLineOnceMounted) {
  WallConfig wall = test::smallWall(2, 1, 160, 90, 4);
  wall.nodes[1].rotation = Rotation::R90;
  TextPainter text;
  Image framebuffer = testPatternTile(wall, wall.nodes[1], text);
  EXPECT_EQ(framebuffer.width, 90);
  EXPECT_EQ(framebuffer.height, 160);
  expectOneLine(wall, wall.nodeAt(0, 0), wall.nodeAt(1, 0), kPatternDiagonalDown);
}

TEST(TestPattern, CircleCrossesTheBezels) {
  WallConfig wall = test::smallWall(2, 2, 160, 90, 4);
  TextPainter text;
  for (const NodeConfig& node : wall.nodes) {
    Image tile = testPatternTile(wall, node, text);
    int circle = 0;
    for (int i = 0; i < tile.width * tile.height; ++i) {
      const std::uint8_t* p = tile.pixels.data() + i * 4;
      circle += p[0] == kPatternCircle.r && p[1] == kPatternCircle.g && p[2] == kPatternCircle.b;
    }
    EXPECT_GT(circle, 50) << node.id;
  }
}

TEST(TestPattern, EachDisplayIsLabelledDifferently) {
  WallConfig wall = test::smallWall(2, 1, 320, 180, 4);
  TextPainter text;
  if (!text.available()) GTEST_SKIP() << text.problem();
  Image left = testPatternTile(wall, wall.nodes[0], text);
  Image right = testPatternTile(wall, wall.nodes[1], text);
  auto whitePixels = [](const Image& image) {
    int white = 0;
    for (std::size_t i = 0; i < image.pixels.size(); i += 4)
      white += image.pixels[i] == 255 && image.pixels[i + 1] == 255 && image.pixels[i + 2] == 255;
    return white;
  };
  EXPECT_GT(whitePixels(left), 100);
  EXPECT_GT(whitePixels(right), 100);
  // Same geometry apart from the label: the two labels differ somewhere.
  int differing = 0;
  for (int y = 0; y < left.height / 2; ++y)
    for (int x = 0; x < left.width; ++x)
      differing += left.at(x, y)[0] == 255 && right.at(x, y)[0] != 255;
  EXPECT_GT(differing, 10);
}

TEST(TestPattern, HasGreyAndColourRamps) {
  WallConfig wall = test::smallWall(1, 1, 320, 180, 0);
  TextPainter text;
  Image tile = testPatternTile(wall, wall.nodes[0], text);
  int greyRow = 180 * 11 / 16 + 2, hueRow = greyRow + 180 / 16;
  EXPECT_TRUE(test::pixelNear(tile, 32, greyRow, 0, 0, 0, 1));
  EXPECT_TRUE(test::pixelNear(tile, 287, greyRow, 255, 255, 255, 1));
  EXPECT_TRUE(test::pixelNear(tile, 32, hueRow, 255, 0, 0, 1));
}

}  // namespace
}  // namespace hw
