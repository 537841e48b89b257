#include <gtest/gtest.h>

#include "config/WallConfigLoader.h"
#include "tiler/Placement.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

const RectD kTarget{100, 50, 400, 200};  // 2:1

void expectRect(const RectD& actual, const RectD& expected) {
  EXPECT_DOUBLE_EQ(actual.x, expected.x);
  EXPECT_DOUBLE_EQ(actual.y, expected.y);
  EXPECT_DOUBLE_EQ(actual.w, expected.w);
  EXPECT_DOUBLE_EQ(actual.h, expected.h);
}

TEST(PlaceMedia, FitLetterboxesAndKeepsAspect) {
  // 1:1 into 2:1: height-limited, pillarboxed, centred.
  expectRect(placeMedia(FitMode::Fit, {}, {100, 100}, kTarget), {200, 50, 200, 200});
  // 4:1 into 2:1: width-limited, letterboxed.
  expectRect(placeMedia(FitMode::Fit, {}, {400, 100}, kTarget), {100, 100, 400, 100});
}

TEST(PlaceMedia, FitSitsAtItsAnchor) {
  expectRect(placeMedia(FitMode::Fit, {0, 0}, {100, 100}, kTarget), {100, 50, 200, 200});
  expectRect(placeMedia(FitMode::Fit, {1, 1}, {100, 100}, kTarget), {300, 50, 200, 200});
}

TEST(PlaceMedia, FillCoversAndCropsAroundTheAnchor) {
  // 1:1 into 2:1: scaled to the width, 200 px too tall.
  expectRect(placeMedia(FitMode::Fill, {}, {100, 100}, kTarget), {100, -50, 400, 400});
  expectRect(placeMedia(FitMode::Fill, {0.5, 0}, {100, 100}, kTarget), {100, 50, 400, 400});
  expectRect(placeMedia(FitMode::Fill, {0.5, 1}, {100, 100}, kTarget), {100, -150, 400, 400});
}

TEST(PlaceMedia, StretchIsTheTarget) {
  expectRect(placeMedia(FitMode::Stretch, {0, 1}, {37, 91}, kTarget), kTarget);
}

TEST(PlaceMedia, NativeIsOneToOneOnWholePixels) {
  // Centred: (400 - 101) / 2 = 149.5 -> rounded to a whole canvas pixel.
  RectD placed = placeMedia(FitMode::Native, {}, {101, 51}, kTarget);
  EXPECT_DOUBLE_EQ(placed.w, 101);
  EXPECT_DOUBLE_EQ(placed.h, 51);
  EXPECT_DOUBLE_EQ(placed.x, std::round(100 + 149.5));
  EXPECT_DOUBLE_EQ(placed.y, std::round(50 + 74.5));
  // Larger than the target: cropped around the anchor.
  expectRect(placeMedia(FitMode::Native, {0, 0}, {1000, 1000}, kTarget), {100, 50, 1000, 1000});
  expectRect(placeMedia(FitMode::Native, {1, 1}, {1000, 1000}, kTarget), {-500, -750, 1000, 1000});
}

TEST(PlaceItem, WholeWallByDefaultAndRegionsIncludeInnerGaps) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  WallCanvas canvas(wall);
  LayoutItem item;
  item.fit = FitMode::Stretch;
  Placement whole = placeItem(item, {10, 10}, canvas);
  expectRect(whole.clip, {0, 0, 5772, 3252});
  item.region = {1, 0, 2, 1};
  Placement right = placeItem(item, {10, 10}, canvas);
  expectRect(right.clip, {1926, 0, 2 * 1920 + 6, 1080});
  expectRect(right.placed, right.clip);
  EXPECT_DOUBLE_EQ(right.scaleX(), 384.6);
  EXPECT_DOUBLE_EQ(right.toMediaX(1926), 0);
  EXPECT_DOUBLE_EQ(right.toMediaX(1926 + 3846), 10);
}

TEST(PlaceItem, VisiblePartIsClippedToTheRegion) {
  WallCanvas canvas(loadWallConfig("2x2-1080p"));
  LayoutItem item;
  item.fit = FitMode::Fill;
  item.region = {0, 0, 1, 1};
  Placement p = placeItem(item, {100, 100}, canvas);  // 1920x1920, cropped to 1920x1080
  expectRect(p.visible(), {0, 0, 1920, 1080});
  EXPECT_DOUBLE_EQ(p.toMediaY(0), (1920 - 1080) / 2.0 / 19.2);
}

}  // namespace
}  // namespace hw
