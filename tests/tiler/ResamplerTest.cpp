#include <gtest/gtest.h>

#include <cmath>

#include "tests/tiler/TilerTestSupport.h"
#include "tiler/FramebufferRotation.h"
#include "tiler/ResamplePasses.h"
#include "tiler/ResampleWeights.h"
#include "tiler/Resampler.h"

namespace hw {
namespace {

// Draws `media` over a `size` target of `background` through placed/clip (target px).
Image draw(const Image& media, Size size, RectD placed, RectD clip, Color background = {}) {
  Image target(size.w, size.h, background);
  Resampler(media, {{media.width, media.height}, placed, clip}, {0, 0, size.w, size.h})
      .drawRows(target, 0, size.h);
  return target;
}

Image draw(const Image& media, Size size, RectD placed) {
  return draw(media, size, placed, placed);
}

TEST(AxisWeights, EveryOutputPixelsWeightsSumToOne) {
  for (double length : {37.0, 100.0, 333.3, 1000.0, 5772.0}) {
    AxisWeights axis = axisWeights(0, 6000, 0.25, length, 640, 0, 6000);
    ASSERT_FALSE(axis.empty());
    for (std::size_t i = 0; i + axis.begin < static_cast<std::size_t>(axis.end); ++i) {
      std::int32_t sum = 0;
      for (int k = 0; k < axis.taps; ++k) {
        EXPECT_GE(axis.weights[i * axis.taps + k], 0);
        sum += axis.weights[i * axis.taps + k];
      }
      ASSERT_EQ(sum, 1 << AxisWeights::kBits) << "length " << length << " px " << i;
      EXPECT_GE(axis.first[i], 0);
      EXPECT_LE(axis.first[i] + axis.taps, 640);
    }
  }
}

TEST(AxisWeights, OnlyPixelCentresInsidePlacementAndClipAreDrawn) {
  // Centres 10.5 .. 29.5 lie in [10.2, 30.2); clipped to [12, 25.6): 12.5 .. 25.5.
  AxisWeights axis = axisWeights(0, 100, 10.2, 20, 20, 0, 100);
  EXPECT_EQ(axis.begin, 10);
  EXPECT_EQ(axis.end, 30);
  AxisWeights clipped = axisWeights(0, 100, 10.2, 20, 20, 12, 25.6);
  EXPECT_EQ(clipped.begin, 12);
  EXPECT_EQ(clipped.end, 26);
  // The same canvas pixels from a window starting at canvas px 20.
  AxisWeights window = axisWeights(20, 50, 10.2, 20, 20, 0, 100);
  EXPECT_EQ(window.begin, 0);
  EXPECT_EQ(window.end, 10);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(window.first[i], axis.first[i + 10]);
}

// Every instruction set this CPU runs gives the plain code's bytes, for
// enlarging (2 taps), shrinking (4 to 12 taps) and odd row counts.
TEST(ResamplePasses, EverySimdLevelMatchesPlainCode) {
  std::vector<SimdLevel> levels{SimdLevel::Plain};
  if (bestSimdLevel() != SimdLevel::Plain) levels.push_back(SimdLevel::Sse2);
  if (bestSimdLevel() == SimdLevel::Avx2) levels.push_back(SimdLevel::Avx2);
  Image media = test::makePhotoLike(301, 7);
  for (double length : {1000.3, 611.0, 150.5, 33.0}) {
    AxisWeights x = axisWeights(3, 997, 1.7, length, media.width, 0, 2000);
    int count = x.end - x.begin;
    std::vector<std::vector<std::uint8_t>> out(levels.size(),
                                               std::vector<std::uint8_t>(count * 4 + 5, 0));
    for (std::size_t l = 0; l < levels.size(); ++l)
      resampleRow(media.row(3), x, out[l].data(), levels[l]);
    for (std::size_t l = 1; l < levels.size(); ++l)
      ASSERT_EQ(out[l], out[0]) << "horizontal, level " << l << ", length " << length;
  }
  std::vector<const std::uint8_t*> rows;
  for (int r = 0; r < 7; ++r) rows.push_back(media.row(r));
  const std::int16_t weights[7] = {1000, 3000, 2384, 4000, 2000, 3000, 1000};  // sum 1 << 14
  for (int taps : {1, 2, 3, 7}) {
    std::int16_t w[7] = {};
    int sum = 0;
    for (int k = 0; k + 1 < taps; ++k) sum += w[k] = weights[k];
    w[taps - 1] = static_cast<std::int16_t>((1 << AxisWeights::kBits) - sum);
    for (bool toFrame : {false, true}) {
      // Odd offsets and lengths exercise the unaligned heads and the tails.
      std::vector<std::vector<std::uint8_t>> out(levels.size(), std::vector<std::uint8_t>(1203));
      for (std::size_t l = 0; l < levels.size(); ++l)
        blendRows(rows.data(), w, taps, 1193, out[l].data() + 3, toFrame, levels[l]);
      for (std::size_t l = 1; l < levels.size(); ++l)
        ASSERT_EQ(out[l], out[0]) << "vertical, level " << l << ", taps " << taps;
    }
  }
}

TEST(Resampler, ConstantImageStaysConstantAtAnyScale) {
  Image flat(97, 61, {173, 41, 250});
  for (RectD placed : {RectD{0.3, 0.7, 311.1, 200.2}, RectD{-3, 2.5, 40.4, 19.7},
                       RectD{0, 0, 97, 61}, RectD{1.5, 0.5, 9, 300}}) {
    Image out = draw(flat, {320, 320}, placed);
    for (int y = 0; y < out.height; ++y) {
      for (int x = 0; x < out.width; ++x) {
        double cx = x + 0.5, cy = y + 0.5;
        bool inside = cx >= std::max(0.0, placed.x) && cx < placed.right() &&
                      cy >= std::max(0.0, placed.y) && cy < placed.bottom();
        const std::uint8_t* p = out.at(x, y);
        if (inside) {
          ASSERT_EQ(p[0], 173) << x << "," << y;
          ASSERT_EQ(p[1], 41);
          ASSERT_EQ(p[2], 250);
        } else {
          ASSERT_EQ(p[0], 0) << "drawn outside the placement at " << x << "," << y;
        }
      }
    }
  }
}

TEST(Resampler, HalvingACheckerboardGivesMidGrey) {
  Image board(200, 100);
  for (int y = 0; y < board.height; ++y)
    for (int x = 0; x < board.width; ++x) {
      std::uint8_t v = (x + y) % 2 ? 255 : 0;
      std::uint8_t* p = board.at(x, y);
      p[0] = p[1] = p[2] = v;
    }
  Image half = draw(board, {100, 50}, {0, 0, 100, 50});
  for (int y = 0; y < half.height; ++y)
    for (int x = 0; x < half.width; ++x) ASSERT_NEAR(half.at(x, y)[1], 127.5, 1) << x << "," << y;
  // A third, off the pixel grid: still an average, never a sample of one square.
  Image third = draw(board, {66, 33}, {0.4, 0.2, 66.6, 33.3});
  for (int y = 1; y < 32; ++y)
    for (int x = 1; x < 65; ++x) ASSERT_NEAR(third.at(x, y)[1], 127.5, 30) << x << "," << y;
}

TEST(Resampler, EnlargedGradientStaysMonotonic) {
  Image ramp(64, 4);
  for (int x = 0; x < 64; ++x)
    for (int y = 0; y < 4; ++y) ramp.at(x, y)[0] = static_cast<std::uint8_t>(x * 4);
  Image wide = draw(ramp, {1000, 10}, {0, 0, 1000, 10});
  int previous = -1, rises = 0;
  for (int x = 0; x < 1000; ++x) {
    int v = wide.at(x, 5)[0];
    ASSERT_GE(v, previous) << "at x=" << x;
    rises += v > previous;
    previous = v;
  }
  EXPECT_EQ(wide.at(0, 5)[0], 0);
  EXPECT_EQ(wide.at(999, 5)[0], 252);
  EXPECT_GT(rises, 200);  // interpolated, not 64 steps
}

TEST(Resampler, NativeOnWholePixelsIsAnExactCopy) {
  Image photo = test::makePhotoLike(50, 40);
  Image out = draw(photo, {80, 70}, {7, 9, 50, 40});
  EXPECT_EQ(test::maxChannelDifference(test::crop(out, {7, 9, 50, 40}), photo), 0);
}

// Movies convert only mediaRectRead of each picture: scrambling every media
// pixel outside it must not change one drawn pixel.
TEST(Resampler, ReadsNothingOutsideMediaRectRead) {
  Image photo = test::makePhotoLike(160, 90);
  struct Case {
    RectD placed, clip;
    RectI window;
  };
  for (const Case& c : {Case{{-40.5, -20.25, 240, 135}, {0, 0, 100, 60}, {13, 7, 61, 41}},
                        Case{{3, 2, 80, 45}, {3, 2, 80, 45}, {10, 10, 30, 20}},
                        Case{{-17, -9, 160, 90}, {-17, -9, 160, 90}, {0, 0, 50, 40}}}) {
    Placement placement{{photo.width, photo.height}, c.placed, c.clip};
    RectI read = mediaRectRead(placement, c.window);
    ASSERT_FALSE(read.empty());
    EXPECT_LT(read.w * read.h, photo.width * photo.height);  // a part, or this shows nothing
    Image scrambled = photo;
    for (int y = 0; y < photo.height; ++y)
      for (int x = 0; x < photo.width; ++x)
        if (x < read.x || x >= read.right() || y < read.y || y >= read.bottom())
          scrambled.at(x, y)[0] ^= 0x5a, scrambled.at(x, y)[1] ^= 0xa5,
              scrambled.at(x, y)[2] ^= 0x3c;
    auto drawn = [&](const Image& media) {
      Image target(c.window.w, c.window.h, {1, 2, 3});
      Resampler(media, placement, c.window, true).drawRows(target, 0, c.window.h);
      return target;
    };
    EXPECT_EQ(test::maxChannelDifference(drawn(scrambled), drawn(photo)), 0);
  }
}

TEST(Resampler, MatchesDirectBilinearSampling) {
  Image photo = test::makePhotoLike(120, 80);
  RectD placed{3.3, 1.7, 120 * 2.37, 80 * 2.37};
  Image out = draw(photo, {300, 200}, placed);
  auto sample = [&](int x, int y, int c) {
    return photo.at(std::clamp(x, 0, 119), std::clamp(y, 0, 79))[c];
  };
  int worst = 0;
  for (int y = 10; y < 180; ++y) {
    for (int x = 10; x < 280; ++x) {
      double u = (x + 0.5 - placed.x) / 2.37 - 0.5, v = (y + 0.5 - placed.y) / 2.37 - 0.5;
      int x0 = static_cast<int>(std::floor(u)), y0 = static_cast<int>(std::floor(v));
      double fx = u - x0, fy = v - y0;
      for (int c = 0; c < 3; ++c) {
        double top = sample(x0, y0, c) * (1 - fx) + sample(x0 + 1, y0, c) * fx;
        double bottom = sample(x0, y0 + 1, c) * (1 - fx) + sample(x0 + 1, y0 + 1, c) * fx;
        double expected = top * (1 - fy) + bottom * fy;
        worst =
            std::max(worst, static_cast<int>(std::lround(std::abs(out.at(x, y)[c] - expected))));
      }
    }
  }
  EXPECT_LE(worst, 1);
}

TEST(Resampler, TranslucentMediaBlendsOverWhatIsThere) {
  Image glass(10, 10, {255, 0, 0}, 128);
  Image out = draw(glass, {10, 10}, {0, 0, 10, 10}, {0, 0, 10, 10}, {0, 0, 255});
  EXPECT_NEAR(out.at(5, 5)[0], 128, 1);
  EXPECT_NEAR(out.at(5, 5)[2], 127, 1);
  EXPECT_EQ(out.at(5, 5)[3], 255);
}

TEST(FramebufferRotation, TurnsBackAgainstTheMounting) {
  // 3x2 picture as seen on the wall, every pixel distinct.
  Image mounted(3, 2);
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 3; ++x) mounted.at(x, y)[0] = static_cast<std::uint8_t>(10 * y + x);
  // Mounted 90 degrees clockwise: the framebuffer's top row becomes the wall's
  // right column, so it must hold the picture's right column, top to bottom.
  Image fb = toFramebuffer(mounted, Rotation::R90);
  ASSERT_EQ(fb.width, 2);
  ASSERT_EQ(fb.height, 3);
  EXPECT_EQ(fb.at(0, 0)[0], 2);
  EXPECT_EQ(fb.at(1, 0)[0], 12);
  EXPECT_EQ(fb.at(0, 2)[0], 0);
  Image upside = toFramebuffer(mounted, Rotation::R180);
  EXPECT_EQ(upside.at(0, 0)[0], 12);
  Image fb270 = toFramebuffer(mounted, Rotation::R270);
  EXPECT_EQ(fb270.at(0, 0)[0], 10);  // the wall's left column, bottom to top
  for (Rotation r : {Rotation::R0, Rotation::R90, Rotation::R180, Rotation::R270})
    EXPECT_EQ(toMounted(toFramebuffer(mounted, r), r).pixels, mounted.pixels);
}

}  // namespace
}  // namespace hw
