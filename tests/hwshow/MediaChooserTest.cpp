#include <gtest/gtest.h>

#include "hwshow/MediaChooser.h"

namespace hw {
namespace {

const MediaCandidate kPng{"https://x/a-1080p.png", 1920, 1080};
const MediaCandidate kJpg{"https://x/a.jpg", 3191, 1795};
const MediaCandidate k4k{"https://x/a-4k.png", 3840, 2160};

TEST(MediaChooser, SmallestCoveringTheTarget) {
  MediaRef ref = chooseMedia(MediaKind::Image, {k4k, kJpg, kPng}, {1920, 1080}, "canvas");
  EXPECT_EQ(ref.uri, kPng.uri);
  EXPECT_EQ(ref.width, 1920);
  EXPECT_EQ(ref.choice, "smallest of 3 sizes covering the 1920x1080 canvas");
  EXPECT_EQ(ref.candidates.size(), 3u);

  ref = chooseMedia(MediaKind::Image, {k4k, kJpg, kPng}, {3000, 1700}, "region");
  EXPECT_EQ(ref.uri, kJpg.uri);
  EXPECT_EQ(ref.choice, "smallest of 3 sizes covering the 3000x1700 region");
}

TEST(MediaChooser, LargestWhenNoneCovers) {
  MediaRef ref = chooseMedia(MediaKind::Image, {kPng, kJpg}, {5772, 3252}, "canvas");
  EXPECT_EQ(ref.uri, kJpg.uri);
  EXPECT_EQ(ref.height, 1795);
  EXPECT_EQ(ref.choice, "largest of 2 sizes; none covers the 5772x3252 canvas");
}

TEST(MediaChooser, CoveringMeansBothDimensions) {
  MediaCandidate wide{"https://x/wide.png", 4000, 1000};
  MediaRef ref = chooseMedia(MediaKind::Image, {wide, k4k}, {3000, 1500}, "canvas");
  EXPECT_EQ(ref.uri, k4k.uri);
}

TEST(MediaChooser, UnknownSizesOnlyWhenNothingIsKnown) {
  MediaCandidate unknown{"https://x/u.png", 0, 0};
  EXPECT_EQ(chooseMedia(MediaKind::Image, {unknown, kPng}, {100, 100}, "canvas").uri, kPng.uri);
  MediaRef ref =
      chooseMedia(MediaKind::Movie, {unknown, {"https://x/v.png", 0, 0}}, {1, 1}, "canvas");
  EXPECT_EQ(ref.uri, unknown.uri);
  EXPECT_EQ(ref.kind, MediaKind::Movie);
  EXPECT_EQ(ref.choice, "first of 2 files; their sizes are unknown");
}

TEST(MediaChooser, SingleFile) {
  MediaRef ref = chooseMedia(MediaKind::Image, {kPng}, {5772, 3252}, "canvas");
  EXPECT_EQ(ref.uri, kPng.uri);
  EXPECT_EQ(ref.choice, "the only file offered");
  EXPECT_TRUE(chooseMedia(MediaKind::Image, {}, {1, 1}, "canvas").uri.empty());
}

}  // namespace
}  // namespace hw
