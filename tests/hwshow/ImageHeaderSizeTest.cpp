#include <gtest/gtest.h>

#include "hwshow/ImageHeaderSize.h"
#include "tests/support/TempFolder.h"

namespace hw {
namespace {

const std::string kImages = HYPERWALL_SOURCE_DIR "/tests/data/images/";

TEST(ImageHeaderSize, ReadsEveryDecodedFormat) {
  EXPECT_EQ(imageSizeFromHeader(kImages + "png-7x5.png"), (Size{7, 5}));
  EXPECT_EQ(imageSizeFromHeader(kImages + "jpeg-9x4.jpg"), (Size{9, 4}));
  EXPECT_EQ(imageSizeFromHeader(kImages + "jpeg-progressive-11x3.jpg"), (Size{11, 3}));
  EXPECT_EQ(imageSizeFromHeader(kImages + "bmp-6x3.bmp"), (Size{6, 3}));
  EXPECT_EQ(imageSizeFromHeader(kImages + "webp-lossy-5x2.webp"), (Size{5, 2}));
  EXPECT_EQ(imageSizeFromHeader(kImages + "webp-lossless-13x8.webp"), (Size{13, 8}));
  EXPECT_EQ(imageSizeFromHeader(kImages + "webp-alpha-4x9.webp"), (Size{4, 9}));
}

TEST(ImageHeaderSize, UnknownForAnythingElse) {
  test::TempFolder folder;
  EXPECT_EQ(imageSizeFromHeader(folder / "missing.png"), (Size{}));
  EXPECT_EQ(imageSizeFromHeader(folder.write("text.png", "not an image")), (Size{}));
  EXPECT_EQ(imageSizeFromHeader(folder.write("cut.png", "\x89PNG\r\n\x1a\n\0\0")), (Size{}));
  EXPECT_EQ(
      imageSizeFromHeader(folder.write("cut.jpg", std::string("\xFF\xD8\xFF\xE0\x00\x10", 6))),
      (Size{}));
}

}  // namespace
}  // namespace hw
