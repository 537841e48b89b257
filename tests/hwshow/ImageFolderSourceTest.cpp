#include <gtest/gtest.h>

#include "hwshow/ImageFolderSource.h"
#include "tests/hwshow/ShowTestSupport.h"
#include "tests/support/TempFolder.h"

namespace hw {
namespace {

using test::load;
using test::loadError;

std::vector<std::string> titles(const Playlist& playlist) {
  std::vector<std::string> out;
  for (const auto& cue : playlist.cues) out.push_back(cue.title);
  return out;
}

TEST(ImageFiles, TypesByExtensionInAnyCase) {
  for (const char* name : {"a.png", "a.JPG", "a.jpeg", "a.Bmp", "a.webp", "dir/x.PNG"})
    EXPECT_TRUE(isImageFile(name)) << name;
  for (const char* name : {"a.gif", "a.tiff", "a", "png", "a.png.txt", "a.mp4"})
    EXPECT_FALSE(isImageFile(name)) << name;
}

TEST(ImageFolder, OneCuePerImageInNaturalOrder) {
  test::TempFolder folder;
  folder.copy(test::kImages + "png-7x5.png", "slides/img10.png");
  folder.copy(test::kImages + "jpeg-9x4.jpg", "slides/img2.JPG");
  folder.copy(test::kImages + "bmp-6x3.bmp", "slides/img1.bmp");
  folder.copy(test::kImages + "webp-lossless-13x8.webp", "slides/Img3.webp");
  folder.write("slides/notes.txt", "not an image");
  folder.write("slides/.hidden.png", "hidden");
  folder.write("slides/sub/deeper.png", "ignored: sub-folders are not walked");
  Playlist p = load({folder / "slides"});
  EXPECT_EQ(titles(p),
            (std::vector<std::string>{"img1.bmp", "img2.JPG", "Img3.webp", "img10.png"}));
  EXPECT_EQ(p.cues[0].items[0].media.uri, folder / "slides/img1.bmp");
  EXPECT_EQ(p.cues[0].items[0].media.width, 6);
  EXPECT_EQ(p.cues[3].items[0].media.height, 5);
  EXPECT_EQ(p.cues[3].items[0].region, Region{});
  EXPECT_EQ(p.metadata.title, "slides");
  EXPECT_EQ(p.metadata.source, folder / "slides");
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_EQ(
      p.warnings[0],
      folder / "slides" + ": skipped 1 file(s) that are not images (png, jpg, jpeg, bmp, webp)");
}

TEST(ImageFolder, EmptyFolderIsAnError) {
  test::TempFolder folder;
  folder.write("empty/readme.txt", "x");
  EXPECT_EQ(loadError({folder / "empty"}),
            folder / "empty" + ": no images (png, jpg, jpeg, bmp, webp) in this folder");
}

TEST(ImageList, FilesSortedNaturallyWithSizesFromTheirHeaders) {
  test::TempFolder folder;
  std::string b = folder.copy(test::kImages + "png-7x5.png", "b10.png");
  std::string a = folder.copy(test::kImages + "png-7x5.png", "b9.png");
  std::string c = folder.copy(test::kImages + "jpeg-9x4.jpg", "b11.jpg");
  Playlist p = load({b, c, a});
  EXPECT_EQ(titles(p), (std::vector<std::string>{"b9.png", "b10.png", "b11.jpg"}));
  EXPECT_EQ(p.cues[2].items[0].media.width, 9);
  EXPECT_EQ(p.cues[2].items[0].media.height, 4);
  EXPECT_EQ(p.cues[0].items[0].media.choice, "the only file offered");
}

// A text file named .png fails the load, naming it, not the wall when its turn comes.
TEST(ImageList, AFileNamedLikeAnImageButNotOneIsAnError) {
  test::TempFolder folder;
  std::string good = folder.copy(test::kImages + "png-7x5.png", "slides/b9.png");
  std::string odd = folder.write("slides/b11.png", "a file with an image name but no image header");
  EXPECT_EQ(loadError({good, odd}), odd + ": not a PNG, JPEG, BMP or WebP image");
  EXPECT_EQ(loadError({folder / "slides"}), odd + ": not a PNG, JPEG, BMP or WebP image");
}

}  // namespace
}  // namespace hw
