#include <gtest/gtest.h>

#include <filesystem>

#include "hwshow/ShowPaths.h"

namespace hw {
namespace {

TEST(ShowPaths, LocalBase) {
  EXPECT_EQ(resolveReference("a.png", "/shows/x"), "/shows/x/a.png");
  EXPECT_EQ(resolveReference("../media/./a.png", "/shows/x"), "/shows/media/a.png");
  EXPECT_EQ(resolveReference("/abs/a.png", "/shows/x"), "/abs/a.png");
  EXPECT_EQ(resolveReference("https://h/a.png", "/shows/x"), "https://h/a.png");
}

TEST(ShowPaths, UrlBaseKeepsReferencesUrls) {
  std::string base = "https://svs.gsfc.nasa.gov/vis/a031382/";
  EXPECT_EQ(resolveReference("cell.png", base), "https://svs.gsfc.nasa.gov/vis/a031382/cell.png");
  EXPECT_EQ(resolveReference("../b/c.jpg?v=2", base), "https://svs.gsfc.nasa.gov/vis/b/c.jpg?v=2");
  EXPECT_EQ(resolveReference("/top.png", base), "https://svs.gsfc.nasa.gov/top.png");
  EXPECT_EQ(resolveReference("./", "https://h/a/b.hwshow"), "https://h/a/");
}

TEST(ShowPaths, AssetReferencesAreKeptAsWritten) {
  const std::string asset = "asset:" + std::string(64, 'a');
  EXPECT_TRUE(isAssetReference(asset));
  EXPECT_EQ(resolveReference(asset, "/shows/x"), asset);
  EXPECT_EQ(resolveReference(asset, "https://h/a/"), asset);
  EXPECT_EQ(relativeReference(asset, "/shows/x"), asset);
  // Anything else with a colon is a file name like any other.
  EXPECT_FALSE(isAssetReference("asset:abc"));
  EXPECT_FALSE(isAssetReference("asset:" + std::string(64, 'A')));
  EXPECT_FALSE(isAssetReference("asset:" + std::string(63, 'a') + "/"));
  EXPECT_EQ(resolveReference("asset:abc", "/shows/x"), "/shows/x/asset:abc");
}

TEST(ShowPaths, LocalOriginIsAbsoluteFolder) {
  ShowOrigin origin = localOrigin("shows/a.hwshow");
  EXPECT_EQ(origin.file, "shows/a.hwshow");
  EXPECT_EQ(origin.base, (std::filesystem::current_path() / "shows").string());
}

TEST(ShowPaths, SiblingKeepsRelativeNames) {
  EXPECT_EQ(siblingPath("shows/a.hwshow", "b.hwshow"), "shows/b.hwshow");
  EXPECT_EQ(siblingPath("shows/a.hwshow", "../c/page.json"), "c/page.json");
  EXPECT_EQ(siblingPath("shows/a.hwshow", "/abs/p.json"), "/abs/p.json");
}

TEST(ShowPaths, RelativeOnlyInsideTheBase) {
  EXPECT_EQ(relativeReference("/shows/x/media/a.png", "/shows/x"), "media/a.png");
  EXPECT_EQ(relativeReference("/shows/x/media/a.png", "/shows/x/"), "media/a.png");
  EXPECT_EQ(relativeReference("/elsewhere/a.png", "/shows/x"), "/elsewhere/a.png");
  EXPECT_EQ(relativeReference("https://h/a.png", "/shows/x"), "https://h/a.png");
}

}  // namespace
}  // namespace hw
