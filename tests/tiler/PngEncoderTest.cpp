// The one PNG encoder: what it writes decodes to exactly the pixels given,
// with alpha kept where there is any and dropped (RGB file) where there is none.
#include <gtest/gtest.h>

#include "tests/support/TempFolder.h"
#include "tests/tiler/TilerTestSupport.h"
#include "tiler/ImageFile.h"

namespace hw {
namespace {

// PNG colour type, byte 25 of the file (after the signature and IHDR's fields).
int colourType(const std::string& png) { return static_cast<unsigned char>(png.at(25)); }

TEST(PngEncoder, OpaquePhotoRoundTripsAsRgb) {
  Image photo = test::makePhotoLike(257, 131);
  std::string png = encodePng(photo);
  EXPECT_EQ(colourType(png), 2);  // RGB: no alpha channel written for an opaque picture
  Image back = decodeImageBytes(png, "photo.png");
  ASSERT_EQ(back.width, photo.width);
  ASSERT_EQ(back.height, photo.height);
  EXPECT_EQ(back.pixels, photo.pixels);
}

TEST(PngEncoder, TranslucentPixelsKeepTheirAlpha) {
  Image picture = test::makePhotoLike(64, 48);
  picture.at(10, 20)[3] = 0;
  picture.at(63, 47)[3] = 128;
  std::string png = encodePng(picture);
  EXPECT_EQ(colourType(png), 6);  // RGBA
  EXPECT_EQ(decodeImageBytes(png, "alpha.png").pixels, picture.pixels);
}

TEST(PngEncoder, FileHoldsTheSameBytesAndAnUnwritablePathIsNamed) {
  test::TempFolder folder;
  Image flat(1920, 1080, Color{11, 26, 42});
  writePngFile(flat, folder.path() / "flat.png");
  EXPECT_EQ(decodeImageFile(folder.path() / "flat.png").pixels, flat.pixels);
  // A flat frame shrinks to runs: far below one byte a pixel.
  EXPECT_LT(std::filesystem::file_size(folder.path() / "flat.png"), 1920u * 1080u / 50);
  try {
    writePngFile(flat, folder.path() / "no-such-folder" / "x.png");
    FAIL() << "no error for an unwritable path";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("no-such-folder/x.png"), std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace hw
