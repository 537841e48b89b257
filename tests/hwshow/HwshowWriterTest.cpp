#include <gtest/gtest.h>

#include <fstream>

#include "hwshow/HwshowWriter.h"
#include "tests/hwshow/ShowTestSupport.h"
#include "tests/support/TempFolder.h"

namespace hw {
namespace {

using test::load;

void expectSameMedia(const MediaRef& a, const MediaRef& b, const std::string& where) {
  EXPECT_EQ(a.kind, b.kind) << where;
  EXPECT_EQ(a.uri, b.uri) << where;
  EXPECT_EQ(a.width, b.width) << where;
  EXPECT_EQ(a.height, b.height) << where;
  EXPECT_EQ(a.choice, b.choice) << where;
  ASSERT_EQ(a.candidates.size(), b.candidates.size()) << where;
  for (std::size_t i = 0; i < a.candidates.size(); ++i) {
    EXPECT_EQ(a.candidates[i].uri, b.candidates[i].uri) << where;
    EXPECT_EQ(a.candidates[i].width, b.candidates[i].width) << where;
    EXPECT_EQ(a.candidates[i].height, b.candidates[i].height) << where;
  }
}

// Equivalent: everything but where each cue was defined and the source name.
void expectEquivalent(const Playlist& a, const Playlist& b) {
  EXPECT_EQ(a.metadata.title, b.metadata.title);
  EXPECT_EQ(a.metadata.description, b.metadata.description);
  EXPECT_EQ(a.metadata.credits, b.metadata.credits);
  EXPECT_EQ(a.metadata.keywords, b.metadata.keywords);
  EXPECT_EQ(a.metadata.releaseDate, b.metadata.releaseDate);
  EXPECT_EQ(a.metadata.svsPageUrl, b.metadata.svsPageUrl);
  EXPECT_EQ(a.defaults.durationSeconds, b.defaults.durationSeconds);
  EXPECT_EQ(a.defaults.fit, b.defaults.fit);
  EXPECT_EQ(a.defaults.background, b.defaults.background);
  EXPECT_EQ(a.defaults.transition.type, b.defaults.transition.type);
  EXPECT_EQ(a.defaults.transition.seconds, b.defaults.transition.seconds);
  EXPECT_EQ(a.loop, b.loop);
  ASSERT_EQ(a.cues.size(), b.cues.size());
  for (std::size_t i = 0; i < a.cues.size(); ++i) {
    const Cue& x = a.cues[i];
    const Cue& y = b.cues[i];
    std::string where = "cue " + std::to_string(i);
    EXPECT_EQ(x.title, y.title) << where;
    EXPECT_EQ(x.durationSeconds, y.durationSeconds) << where;
    EXPECT_EQ(x.transition.type, y.transition.type) << where;
    EXPECT_EQ(x.transition.seconds, y.transition.seconds) << where;
    EXPECT_EQ(x.background, y.background) << where;
    EXPECT_EQ(x.notes, y.notes) << where;
    EXPECT_EQ(x.hwshowUri, y.hwshowUri) << where;
    EXPECT_EQ(x.playable, y.playable) << where;
    EXPECT_EQ(x.skipReason, y.skipReason) << where;
    ASSERT_EQ(x.items.size(), y.items.size()) << where;
    for (std::size_t j = 0; j < x.items.size(); ++j) {
      EXPECT_EQ(x.items[j].region, y.items[j].region) << where;
      EXPECT_EQ(x.items[j].fit, y.items[j].fit) << where;
      EXPECT_EQ(x.items[j].anchor.x, y.items[j].anchor.x) << where;
      EXPECT_EQ(x.items[j].anchor.y, y.items[j].anchor.y) << where;
      expectSameMedia(x.items[j].media, y.items[j].media, where);
    }
  }
}

std::string save(const test::TempFolder& folder, const std::string& name,
                 const nlohmann::json& doc) {
  return folder.write(name, doc.dump(2));
}

TEST(HwshowWriter, BundledShowRoundTrips) {
  test::TempFolder folder;
  Playlist original = load({HYPERWALL_SOURCE_DIR "/examples/mabl-b/mabl-b.hwshow"});
  nlohmann::json written = playlistToHwshow(original, folder.path().string());
  Playlist again = load({save(folder, "again.hwshow", written)});
  expectEquivalent(original, again);
  // Both sizes of the page's second picture survive, so another wall chooses again.
  EXPECT_EQ(written["cues"][1]["media"]["sizes"].size(), 2u);
  EXPECT_EQ(written["defaults"]["transition"]["seconds"], 1.5);
}

TEST(HwshowWriter, EveryFieldRoundTripsWithLocalPathsMadeRelative) {
  test::TempFolder folder;
  folder.copy(test::kImages + "png-7x5.png", "show/pics/a.png");
  folder.copy(test::kImages + "webp-lossy-5x2.webp", "outside/b.webp");
  std::string show = folder.write("show/s.hwshow", R"({
    "hwshow": 1, "title": "T", "description": "D", "credits": ["c"], "keywords": ["k1", "k2"],
    "release_date": "r", "svs_page": "https://svs.gsfc.nasa.gov/1/",
    "defaults": {"duration": 4, "fit": "fill", "background": "#010203",
                 "transition": {"type": "cut", "seconds": 0}, "loop": false},
    "cues": [
      {"media": "pics/a.png", "title": "A", "duration": 9, "anchor": {"x": 0.1, "y": 0.9},
       "fit": "native", "transition": {"type": "crossfade", "seconds": 2}, "background": "#abcdef",
       "notes": ["x", "y"], "companion": "https://x/c.hwshow"},
      {"layout": [{"media": "../outside/b.webp", "region": {"col": 1, "row": 2, "cols": 2}},
                  {"media": {"uri": "https://x/v.mp4", "width": 640, "height": 360},
                   "anchor": "bottom-right"}], "notes": "single"},
      {"media": {"uri": "https://x/movie-without-extension", "kind": "movie"}}
    ]})");
  Playlist original = load({show});
  nlohmann::json written = playlistToHwshow(original, folder / "show");
  EXPECT_EQ(written["cues"][0]["media"]["uri"], "pics/a.png");
  EXPECT_EQ(written["cues"][1]["layout"][0]["media"]["uri"], folder / "outside/b.webp");
  EXPECT_FALSE(written["cues"][0].contains("origin"));
  Playlist again = load({save(folder, "show/again.hwshow", written)});
  expectEquivalent(original, again);
}

TEST(HwshowWriter, LeavesOutWhatTheDefaultsSay) {
  Playlist playlist;
  Cue cue;
  cue.title = "only";
  cue.items.push_back({});
  cue.items[0].media.uri = "https://x/a.png";
  playlist.cues.push_back(cue);
  nlohmann::json written = playlistToHwshow(playlist, "/tmp");
  EXPECT_EQ(written["hwshow"], 1);
  EXPECT_EQ(written["cues"][0], (nlohmann::json{{"title", "only"}, {"media", "https://x/a.png"}}));
}

TEST(HwshowWriter, SvsPageRoundTripsThroughAShowFile) {
  test::TempFolder folder;
  Playlist original = load({test::kSeedPage}, "1x1-1080p");
  nlohmann::json written = playlistToHwshow(original, folder.path().string());
  Playlist again = load({save(folder, "page.hwshow", written)}, "1x1-1080p");
  expectEquivalent(original, again);
  EXPECT_EQ(again.cues[1].items[0].media.uri,
            test::kSeedVis + "case-combined-jsc2025e065387-1080p.png");
}

}  // namespace
}  // namespace hw
