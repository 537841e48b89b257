#include <SDL.h>
#include <SDL_image.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <fstream>

#include "hwshow/LocalMirror.h"
#include "tests/tiler/TilerTestSupport.h"
#include "tiler/DecodedImageCache.h"
#include "tiler/ImageFile.h"
#include "tiler/MediaError.h"
#include "tiler/MediaSource.h"
#include "tiler/StandInCard.h"
#include "tiler/StandInMovieCard.h"

namespace hw {
namespace {

namespace fs = std::filesystem;

const char* kUrl = "https://svs.gsfc.nasa.gov/vis/a031382/case-combined-jsc2025e065387.jpg";

class MediaSourceTest : public ::testing::Test {
 protected:
  MediaSourceOptions options() {
    MediaSourceOptions o;
    o.cacheRoot = folder.path() / "cache";
    return o;
  }
  MediaRef ref(const std::string& uri, int w = 0, int h = 0) {
    MediaRef r;
    r.uri = uri;
    r.width = w;
    r.height = h;
    return r;
  }
  void writeBytes(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
  }
  test::TempFolder folder;
};

TEST_F(MediaSourceTest, DecodesRealPngWithAlpha) {
  Image original = test::makePhotoLike(65, 33);
  original.at(3, 4)[3] = 40;
  writePngFile(original, folder.path() / "a.png");
  MediaSource source(options());
  LoadedMedia media = source.load(ref((folder.path() / "a.png").string()));
  EXPECT_FALSE(media.standIn);
  EXPECT_FALSE(media.opaque);
  EXPECT_EQ(media.file, (folder.path() / "a.png").string());
  EXPECT_EQ(media.image->pixels, original.pixels);
}

TEST_F(MediaSourceTest, DecodesRealJpegOpaque) {
  Image original = test::makePhotoLike(120, 90);
  test::writeJpegFile(original, folder.path() / "b.jpg", 95);
  LoadedMedia media = MediaSource(options()).load(ref((folder.path() / "b.jpg").string()));
  ASSERT_EQ(media.image->width, 120);
  ASSERT_EQ(media.image->height, 90);
  EXPECT_EQ(media.image->at(60, 45)[3], 255);
  EXPECT_TRUE(media.opaque);
  // Lossy, but the same picture: no channel off by a lot on average.
  double error = 0;
  for (std::size_t i = 0; i < original.pixels.size(); ++i)
    error += std::abs(original.pixels[i] - media.image->pixels[i]);
  EXPECT_LT(error / original.pixels.size(), 8);
}

TEST_F(MediaSourceTest, JpegPixelsEqualSdlsOwnConversion) {
  fs::path file = folder.path() / "odd.jpg";
  test::writeJpegFile(test::makePhotoLike(123, 45), file);  // odd width: every row has a tail
  SDL_Surface* decoded = IMG_Load(file.string().c_str());
  ASSERT_NE(decoded, nullptr);
  SDL_Surface* reference = SDL_ConvertSurfaceFormat(decoded, SDL_PIXELFORMAT_RGBA32, 0);
  ASSERT_NE(reference, nullptr);
  Image image = decodeImageFile(file);
  for (int y = 0; y < image.height; ++y)
    ASSERT_EQ(std::memcmp(image.row(y),
                          static_cast<std::uint8_t*>(reference->pixels) + y * reference->pitch,
                          image.stride()),
              0)
        << "row " << y;
  SDL_FreeSurface(reference);
  SDL_FreeSurface(decoded);
}

TEST_F(MediaSourceTest, CorruptFileNamesTheFileAndTheReason) {
  fs::path bad = folder.path() / "broken.png";
  writeBytes(bad, "\x89PNG\r\n\x1a\nthis is not really a png");
  MediaSource source(options());
  try {
    source.load(ref(bad.string()));
    FAIL() << "decoded a corrupt file";
  } catch (const MediaError& e) {
    EXPECT_EQ(e.file(), bad.string());
    EXPECT_NE(std::string(e.what()).find(bad.string() + ": cannot decode image: "),
              std::string::npos)
        << e.what();
  }
  writeBytes(folder.path() / "empty.jpg", "");
  EXPECT_THROW(source.load(ref((folder.path() / "empty.jpg").string())), MediaError);
}

TEST_F(MediaSourceTest, MissingLocalFileIsAnError) {
  MediaSource source(options());
  try {
    source.load(ref((folder.path() / "nope.png").string(), 100, 100));
    FAIL();
  } catch (const MediaError& e) {
    EXPECT_NE(std::string(e.what()).find("nope.png: no such file"), std::string::npos);
  }
}

TEST_F(MediaSourceTest, UrlIsReadFromItsLocalCopy) {
  Image original = test::makePhotoLike(40, 30);
  fs::path local = *LocalMirror(options().cacheRoot.string()).mediaPath(kUrl);
  fs::create_directories(local.parent_path());
  writePngFile(original, local);  // content decides the format, not the name
  LoadedMedia media = MediaSource(options()).load(ref(kUrl, 3191, 1795));
  EXPECT_FALSE(media.standIn);
  EXPECT_EQ(media.image->pixels, original.pixels);
}

TEST_F(MediaSourceTest, MissingDownloadBecomesACachedStandInOfExactlyItsSize) {
  MediaSource source(options());
  LoadedMedia media = source.load(ref(kUrl, 321, 123));
  EXPECT_TRUE(media.standIn);
  EXPECT_EQ(media.image->width, 321);
  EXPECT_EQ(media.image->height, 123);
  fs::path cached = options().cacheRoot / "standins" /
                    MediaSource::standInFileName("case-combined-jsc2025e065387.jpg", 321, 123);
  EXPECT_EQ(media.file, cached.string());
  ASSERT_TRUE(fs::exists(cached));
  EXPECT_EQ(decodeImageFile(cached).pixels, media.image->pixels);
  // A new source (a new run) finds the cached card instead of drawing one.
  Image marked = *media.image;
  marked.at(0, 0)[1] = 7;
  writePngFile(marked, cached);
  LoadedMedia again = MediaSource(options()).load(ref(kUrl, 321, 123));
  EXPECT_TRUE(again.standIn);
  EXPECT_EQ(again.image->at(0, 0)[1], 7);
}

TEST_F(MediaSourceTest, BundledStandInsAreUsedWhenTheirSizeMatches) {
  MediaSourceOptions o = options();
  o.bundledStandIns = folder.path() / "bundled";
  fs::create_directories(o.bundledStandIns);
  std::string name = MediaSource::standInFileName("case-combined-jsc2025e065387.jpg", 64, 32);
  writePngFile(Image(64, 32, {1, 2, 3}), o.bundledStandIns / name);
  LoadedMedia media = MediaSource(o).load(ref(kUrl, 64, 32));
  EXPECT_EQ(media.file, (o.bundledStandIns / name).string());
  EXPECT_EQ(media.image->at(10, 10)[2], 3);
  // A bundled card of the wrong size is ignored.
  writePngFile(Image(10, 10, {1, 2, 3}), o.bundledStandIns / name);
  LoadedMedia fresh = MediaSource(o).load(ref(kUrl, 64, 32));
  EXPECT_EQ(fresh.image->width, 64);
  EXPECT_NE(fresh.file, (o.bundledStandIns / name).string());
}

TEST_F(MediaSourceTest, UrlWithoutCopyOrSizeIsAnError) {
  try {
    MediaSource(options()).load(ref(kUrl));
    FAIL();
  } catch (const MediaError& e) {
    EXPECT_NE(std::string(e.what()).find("size is unknown"), std::string::npos) << e.what();
  }
}

TEST_F(MediaSourceTest, DecodedImagesAreShared) {
  writePngFile(test::makePhotoLike(20, 20), folder.path() / "c.png");
  MediaSource source(options());
  auto first = source.load(ref((folder.path() / "c.png").string()));
  auto second = source.load(ref((folder.path() / "c.png").string()));
  EXPECT_EQ(first.image.get(), second.image.get());
}

TEST(DecodedImageCache, DropsTheLeastRecentlyUsedOverBudget) {
  auto image = [] { return CachedImage{std::make_shared<const Image>(10, 10), true}; };  // 400 B
  DecodedImageCache cache(1000);
  cache.insert("a", image());
  cache.insert("b", image());
  ASSERT_NE(cache.find("a").image, nullptr);  // a is now the most recent
  cache.insert("c", image());
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.find("b").image, nullptr);
  EXPECT_NE(cache.find("a").image, nullptr);
  cache.insert("huge", {std::make_shared<const Image>(100, 100), false});
  EXPECT_EQ(cache.size(), 1u);  // over budget on its own, but the newest is kept
  EXPECT_NE(cache.find("huge").image, nullptr);
  EXPECT_FALSE(cache.find("huge").opaque);
}

TEST(StandInCard, HasExactlyItsSizeAGridAndAName) {
  TextPainter text;
  Image card = makeStandInCard({3191, 1795}, "case-combined-jsc2025e065387.jpg",
                               "to show the real picture: hyperwall fetch 31382", text);
  EXPECT_EQ(card.width, 3191);
  EXPECT_EQ(card.height, 1795);
  // Red frame on the media's edges, grid lines every 100 px in between.
  EXPECT_EQ(card.at(0, 900)[0], 230);
  EXPECT_EQ(card.at(3190, 900)[0], 230);
  EXPECT_NE(card.at(1600, 1)[1], card.at(1650, 1)[1]);  // x = 1600 is a grid line
  EXPECT_EQ(card.at(1650, 1650)[2], card.at(1650, 1750)[2]);
  if (!text.available()) GTEST_SKIP() << text.problem();
  // The title is drawn in yellow around the middle; the labels near each crossing.
  int yellow = 0;
  for (int y = 800; y < 1000; ++y)
    for (int x = 0; x < 3191; ++x)
      yellow += card.at(x, y)[0] > 200 && card.at(x, y)[1] > 180 && card.at(x, y)[2] < 120;
  EXPECT_GT(yellow, 1000);
  Image tiny = makeStandInCard({5, 3}, "x.png", "", text);
  EXPECT_EQ(tiny.width, 5);
  EXPECT_EQ(tiny.height, 3);
}

// The card tells the operator the one command that brings the real picture.
TEST(StandInCard, SaysHowToGetTheRealMedia) {
  EXPECT_EQ(howToGetMedia("https://svs.gsfc.nasa.gov/vis/a030000/a031300/a031382/"
                          "cell-samples-jsc2025e065389.png"),
            "to show the real picture: hyperwall fetch 31382");
  EXPECT_EQ(howToGetMedia("https://example.org/pictures/a.png"),
            "to show the real picture: put the file in the cache (docs/fetch.md)");
  EXPECT_EQ(howToGetMedia("https://svs.gsfc.nasa.gov/vis/a000000/a005200/a005274/sun.mp4",
                          MediaKind::Movie),
            "to show the real movie: hyperwall fetch 5274");
  TextPainter text;
  if (!text.available()) GTEST_SKIP() << text.problem();
  // The line is drawn: a card with it has more title-yellow than one without.
  auto yellow = [](const Image& card) {
    int count = 0;
    for (int y = 0; y < card.height; ++y)
      for (int x = 0; x < card.width; ++x)
        count += card.at(x, y)[0] > 200 && card.at(x, y)[1] > 180 && card.at(x, y)[2] < 120;
    return count;
  };
  Image with = makeStandInCard(
      {1920, 1080}, "cells.png",
      howToGetMedia("https://svs.gsfc.nasa.gov/vis/a030000/a031300/a031382/cells.png"), text);
  Image without = makeStandInCard({1920, 1080}, "cells.png", "", text);
  EXPECT_GT(yellow(with), yellow(without) + 500);
}

// Pixels that differ between two pictures of one size, inside `area`.
int differingPixels(const Image& a, const Image& b, RectI area) {
  int count = 0;
  for (int y = area.y; y < area.bottom(); ++y)
    for (int x = area.x; x < area.right(); ++x)
      count += std::memcmp(a.at(x, y), b.at(x, y), 3) != 0;
  return count;
}

// A stand-in movie's frames are its card with a counter and a bar that move
// on every frame, and nothing else that moves; its title names the file.
TEST(StandInMovieCard, EveryFrameMovesTheCounterAndTheBarOnAStillCardNamingTheFile) {
  TextPainter text;
  const Size size{640, 360};
  StandInMovieCard card(size, "sun_360p30.mp4", "movie 640 x 360 px, 30 fps",
                        howToGetMedia("https://example.org/sun_360p30.mp4", MediaKind::Movie), 120,
                        text);
  Image first = card.frame(0);
  Image middle = card.frame(59);
  Image last = card.frame(119);
  EXPECT_EQ(first.width, 640);
  EXPECT_EQ(first.height, 360);
  // The bar fills to the share of the pass shown: 1/120, half, all of it.
  RectI bar = card.bar();
  EXPECT_GT(bar.h, 2);
  EXPECT_EQ(bar.bottom(), 359);  // inside the red edge
  EXPECT_EQ(card.barFilled(0), bar.w / 120);
  EXPECT_EQ(card.barFilled(59), bar.w / 2);
  EXPECT_EQ(card.barFilled(119), bar.w);
  auto yellow = [](const Image& picture, int x, int y) {
    const std::uint8_t* p = picture.at(x, y);
    return p[0] > 200 && p[1] > 170 && p[2] < 120;
  };
  int barRow = bar.y + bar.h / 2;
  EXPECT_TRUE(yellow(middle, bar.x + bar.w / 2 - 2, barRow));
  EXPECT_FALSE(yellow(middle, bar.x + bar.w / 2 + 2, barRow));
  EXPECT_TRUE(yellow(last, bar.right() - 1, barRow));
  // Above the counter, nothing moves: the card, its grid and its title.
  RectI above{0, 0, size.w, size.h * 2 / 3};
  EXPECT_EQ(differingPixels(first, last, above), 0);
  if (!text.available()) GTEST_SKIP() << text.problem();
  // The counter: frames 1 and 60 differ below the title, beyond the bar.
  RectI counter{0, size.h * 2 / 3, size.w, bar.y - size.h * 2 / 3};
  EXPECT_GT(differingPixels(first, middle, counter), 100);
  // Another file's stand-in differs in its title.
  StandInMovieCard other(size, "moon_360p30.mp4", "movie 640 x 360 px, 30 fps",
                         howToGetMedia("https://example.org/moon_360p30.mp4", MediaKind::Movie),
                         120, text);
  EXPECT_GT(differingPixels(first, other.frame(0), above), 50);
}

}  // namespace
}  // namespace hw
