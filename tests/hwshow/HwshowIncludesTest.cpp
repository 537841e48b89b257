#include <gtest/gtest.h>

#include "tests/hwshow/ShowTestSupport.h"
#include "tests/support/TempFolder.h"

namespace hw {
namespace {

using test::load;
using test::loadError;

TEST(HwshowIncludes, SvsPageByFileTakesTheShowsDefaultsAndFillsMetadata) {
  test::TempFolder folder;
  folder.copy(test::kSeedPage, "pages/mabl.json");
  std::string show = folder.write("s.hwshow", R"({"hwshow": 1, "title": "Mine",
    "defaults": {"duration": 20, "transition": {"type": "crossfade", "seconds": 1.5}},
    "cues": [{"media": "https://x/first.png"}, {"svs": "pages/mabl.json"}]})");
  Playlist p = load({show});
  ASSERT_EQ(p.cues.size(), 3u);
  EXPECT_EQ(p.cues[1].items[0].media.uri, test::kSeedVis + "cell-samples-jsc2025e065389.png");
  EXPECT_EQ(p.cues[2].items[0].media.uri, test::kSeedVis + "case-combined-jsc2025e065387.jpg");
  EXPECT_EQ(p.cues[1].origin, folder / "pages/mabl.json" + "#/media_groups/0");
  for (const Cue& cue : p.cues) {
    EXPECT_EQ(cue.durationSeconds, 20);
    EXPECT_EQ(cue.transition.seconds, 1.5);
  }
  EXPECT_EQ(p.metadata.title, "Mine");  // the show's own wins
  EXPECT_EQ(p.metadata.svsPageUrl, "https://svs.gsfc.nasa.gov/31382/");
  EXPECT_EQ(p.metadata.keywords.at(0), "Biological & Physical Sciences");
}

TEST(HwshowIncludes, SvsEntryOverridesApplyToEveryPageCue) {
  test::TempFolder folder;
  folder.copy(test::kSeedPage, "page.json");
  std::string show = folder.write("s.hwshow", R"({"hwshow": 1, "cues": [{"svs": "page.json",
    "duration": 5, "fit": "fill", "background": "#ff0000", "transition": {"type": "cut"}}]})");
  Playlist p = load({show});
  ASSERT_EQ(p.cues.size(), 2u);
  for (const Cue& cue : p.cues) {
    EXPECT_EQ(cue.durationSeconds, 5);
    EXPECT_EQ(cue.items[0].fit, FitMode::Fill);
    EXPECT_EQ(cue.background, (Color{255, 0, 0}));
    EXPECT_EQ(cue.transition.type, TransitionType::Cut);
  }
}

TEST(HwshowIncludes, SvsPageByIdOrUrlComesFromTheCache) {
  test::TempFolder folder;
  std::string cache = folder / "cache";
  folder.copy(test::kSeedPage, "cache/pages/31382.json");
  std::string show = folder.write("s.hwshow", R"({"hwshow": 1, "cues": [
    {"svs": 31382}, {"svs": "https://svs.gsfc.nasa.gov/31382/"}, {"svs": "31382"}]})");
  Playlist p = load({show}, "3x3-1080p", cache);
  ASSERT_EQ(p.cues.size(), 6u);
  EXPECT_EQ(p.cues[4].origin, folder / "cache/pages/31382.json" + "#/media_groups/0");
}

TEST(HwshowIncludes, UncachedPageTellsTheUserToFetchIt) {
  test::TempFolder folder;
  std::string show = folder.write("s.hwshow", R"({"hwshow": 1, "cues": [{"svs": 31382}]})");
  EXPECT_EQ(loadError({show}, "3x3-1080p", folder / "cache"),
            show + ": /cues/0/svs: SVS page 31382 is not in the local cache (" +
                (folder / "cache/pages/31382.json") + "); run \"hyperwall fetch 31382\" first");
}

TEST(HwshowIncludes, AnotherShowKeepsItsOwnDefaultsAndFolder) {
  test::TempFolder folder;
  std::string inner = folder.copy(test::kImages + "png-7x5.png", "parts/inner.png");
  folder.write("parts/part.hwshow", R"({"hwshow": 1, "defaults": {"duration": 7},
    "cues": [{"media": "inner.png"}, {"media": "https://x/b.png", "duration": 8}]})");
  std::string show = folder.write("main.hwshow", R"({"hwshow": 1, "defaults": {"duration": 30},
    "cues": [{"include": "parts/part.hwshow"}, {"media": "https://x/c.png"}]})");
  Playlist p = load({show});
  ASSERT_EQ(p.cues.size(), 3u);
  EXPECT_EQ(p.cues[0].items[0].media.uri, inner);
  EXPECT_EQ(p.cues[0].durationSeconds, 7);
  EXPECT_EQ(p.cues[1].durationSeconds, 8);
  EXPECT_EQ(p.cues[2].durationSeconds, 30);
  EXPECT_EQ(p.cues[0].origin, folder / "parts/part.hwshow" + "#/cues/0");
}

TEST(HwshowIncludes, TheSameShowTwiceIsNotACycle) {
  test::TempFolder folder;
  folder.write("part.hwshow", R"({"hwshow": 1, "cues": [{"media": "https://x/a.png"}]})");
  std::string show = folder.write("main.hwshow", R"({"hwshow": 1, "cues": [
    {"include": "part.hwshow"}, {"include": "./part.hwshow"}]})");
  EXPECT_EQ(load({show}).cues.size(), 2u);
}

TEST(HwshowIncludes, CycleNamesTheChain) {
  test::TempFolder folder;
  std::string a =
      folder.write("a.hwshow", R"({"hwshow": 1, "cues": [{"include": "sub/b.hwshow"}]})");
  std::string b = folder.write("sub/b.hwshow", R"({"hwshow": 1, "cues": [
    {"media": "https://x/a.png"}, {"include": "../a.hwshow"}]})");
  EXPECT_EQ(loadError({a}),
            folder / "sub/b.hwshow" +
                ": /cues/1/include: include cycle: a.hwshow -> sub/b.hwshow -> a.hwshow");
  std::string self =
      folder.write("self.hwshow", R"({"hwshow": 1, "cues": [{"include": "self.hwshow"}]})");
  EXPECT_EQ(loadError({self}),
            self + ": /cues/0/include: include cycle: self.hwshow -> self.hwshow");
}

TEST(HwshowIncludes, ShowFromAUrlIsReadFromTheMirrorAndKeepsUrls) {
  test::TempFolder folder;
  std::string cache = folder / "cache";
  folder.write("cache/media/example.org/shows/remote.hwshow",
               R"({"hwshow": 1, "cues": [{"media": "pics/p.png"}]})");
  std::string show = folder.write("s.hwshow", R"({"hwshow": 1, "cues": [
    {"include": "https://example.org/shows/remote.hwshow"}]})");
  Playlist p = load({show}, "3x3-1080p", cache);
  ASSERT_EQ(p.cues.size(), 1u);
  // Not checked for existence: a URL is fetched, not found on disk.
  EXPECT_EQ(p.cues[0].items[0].media.uri, "https://example.org/shows/pics/p.png");

  std::string missing = folder.write("m.hwshow", R"({"hwshow": 1, "cues": [
    {"include": "https://example.org/nothing.hwshow"}]})");
  EXPECT_EQ(loadError({missing}, "3x3-1080p", cache),
            missing +
                ": /cues/0/include: \"https://example.org/nothing.hwshow\" is not in the "
                "local cache (" +
                cache + "/media/example.org/nothing.hwshow)");
}

}  // namespace
}  // namespace hw
