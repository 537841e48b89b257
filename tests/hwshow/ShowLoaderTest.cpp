#include <gtest/gtest.h>

#include "hwshow/ShowSourceKind.h"
#include "tests/hwshow/ShowTestSupport.h"
#include "tests/support/TempFolder.h"
#include "tests/support/BadInputFiles.h"

namespace hw {
namespace {

using test::load;
using test::loadError;

TEST(ShowSourceKind, DecidedByNameAndFileSystem) {
  test::TempFolder folder;
  EXPECT_EQ(detectShowSourceKind(folder.path().string()), ShowSourceKind::ImageFolder);
  EXPECT_EQ(detectShowSourceKind("31382"), ShowSourceKind::CachedPage);
  EXPECT_EQ(detectShowSourceKind("https://svs.gsfc.nasa.gov/31382/"), ShowSourceKind::CachedPage);
  EXPECT_EQ(detectShowSourceKind(folder.write("a.hwshow", "{}")), ShowSourceKind::HwshowFile);
  EXPECT_EQ(detectShowSourceKind(folder.write("a.json", "{}")), ShowSourceKind::JsonFile);
  EXPECT_EQ(detectShowSourceKind(folder.write("page", "{}")), ShowSourceKind::JsonFile);
  EXPECT_EQ(detectShowSourceKind(folder.write("a.JPEG", "")), ShowSourceKind::ImageFile);
}

TEST(ShowLoader, SvsPageJsonFile) {
  Playlist p = load({test::kSeedPage});
  EXPECT_EQ(p.cues.size(), 2u);
  EXPECT_EQ(p.metadata.source, test::kSeedPage);
}

TEST(ShowLoader, JsonFileWithHwshowContent) {
  test::TempFolder folder;
  std::string show =
      folder.write("show.json", R"({"hwshow": 1, "cues": [{"media": "https://x/a.png"}]})");
  EXPECT_EQ(load({show}).cues.size(), 1u);
}

TEST(ShowLoader, PageIdAndUrlFromTheCache) {
  test::TempFolder folder;
  folder.copy(test::kSeedPage, "cache/pages/31382.json");
  for (const char* source :
       {"31382", "https://svs.gsfc.nasa.gov/31382/", "https://svs.gsfc.nasa.gov/31382"})
    EXPECT_EQ(load({source}, "3x3-1080p", folder / "cache").cues.size(), 2u) << source;
  EXPECT_EQ(loadError({"4242"}, "3x3-1080p", folder / "cache"),
            "4242: SVS page 4242 is not in the local cache (" + (folder / "cache/pages/4242.json") +
                "); run \"hyperwall fetch 4242\" first");
}

TEST(ShowLoader, CacheFromTheEnvironment) {
  test::TempFolder folder;
  folder.copy(test::kSeedPage, "cache/pages/31382.json");
  ASSERT_EQ(setenv("HYPERWALL_CACHE", (folder / "cache").c_str(), 1), 0);
  Playlist p = loadShow({"31382"}, loadWallConfig("3x3-1080p"));
  unsetenv("HYPERWALL_CACHE");
  EXPECT_EQ(p.cues.size(), 2u);
}

TEST(ShowLoader, SeveralSourcesPlayInTurn) {
  test::TempFolder folder;
  std::string b = folder.copy(test::kImages + "png-7x5.png", "b2.png");
  std::string a = folder.copy(test::kImages + "png-7x5.png", "b10.png");
  std::string show = folder.write("s.hwshow", R"({"hwshow": 1, "title": "First",
    "defaults": {"duration": 3}, "cues": [{"media": "https://x/a.png"}]})");
  Playlist p = load({show, a, b, test::kSeedPage});
  ASSERT_EQ(p.cues.size(), 5u);
  EXPECT_EQ(p.cues[1].title, "b2.png");
  EXPECT_EQ(p.cues[2].title, "b10.png");
  EXPECT_EQ(p.metadata.title, "First");
  EXPECT_EQ(p.defaults.durationSeconds, 3);
  EXPECT_EQ(p.metadata.source, show + " " + a + " " + b + " " + test::kSeedPage);
}

TEST(ShowLoader, NothingGiven) { EXPECT_EQ(loadError({}), "<input>: no show given"); }

TEST(ShowLoader, BundledExample) {
  Playlist p = load({HYPERWALL_SOURCE_DIR "/examples/mabl-b/mabl-b.hwshow"});
  EXPECT_TRUE(p.warnings.empty());
  ASSERT_EQ(p.cues.size(), 3u);
  EXPECT_EQ(p.metadata.title, "Bone Loss Research Aboard the ISS (MABL-B)");
  EXPECT_EQ(p.metadata.credits.size(), 1u);  // from the page
  EXPECT_EQ(p.cues[0].durationSeconds, 20);
  EXPECT_EQ(p.cues[0].transition.seconds, 1.5);
  EXPECT_EQ(p.cues[1].items[0].media.uri, test::kSeedVis + "case-combined-jsc2025e065387.jpg");
  const Cue& layout = p.cues[2];
  ASSERT_EQ(layout.items.size(), 2u);
  EXPECT_EQ(layout.items[0].region, (Region{0, 0, 2, 2}));
  EXPECT_EQ(layout.items[1].region, (Region{2, 0, 1, 1}));
  // One display: the 1080p file covers it exactly.
  EXPECT_EQ(layout.items[1].media.uri, test::kSeedVis + "case-combined-jsc2025e065387-1080p.png");
  EXPECT_EQ(layout.notes.size(), 3u);
  EXPECT_EQ(layout.durationSeconds, 30);
}

TEST(ShowLoader, EveryBadShowGivesItsExactError) {
  auto cases = test::badInputCases(HYPERWALL_SOURCE_DIR "/tests/data/bad-shows");
  ASSERT_GE(cases.size(), 20u);
  for (const auto& c : cases) EXPECT_EQ(loadError({c.path}), c.expected) << c.name;
}

}  // namespace
}  // namespace hw
