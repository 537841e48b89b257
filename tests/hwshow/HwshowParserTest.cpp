#include <gtest/gtest.h>

#include "tests/hwshow/ShowTestSupport.h"
#include "tests/support/TempFolder.h"

namespace hw {
namespace {

using test::load;
using test::loadError;

TEST(HwshowParser, EveryField) {
  test::TempFolder folder;
  std::string png = folder.copy(test::kImages + "png-7x5.png", "pics/a.png");
  std::string show = folder.write("show.hwshow", R"json({
    "hwshow": 1,
    "title": "All fields",
    "description": "Every key once",
    "credits": ["Producer: Pat Doe", "Visualizer: Sam Roe (NASA)"],
    "keywords": "Earth",
    "release_date": "2026-04-01",
    "svs_page": "https://svs.gsfc.nasa.gov/31382/",
    "defaults": {
      "duration": 12.5,
      "fit": "fill",
      "background": "#102030",
      "transition": {"type": "cut", "seconds": 0.5},
      "loop": false
    },
    "cues": [
      {"media": "pics/a.png"},
      {
        "title": "Second",
        "media": {"uri": "https://x/b.jpg", "width": 100, "height": 50},
        "duration": 3,
        "fit": "native",
        "anchor": "top-left",
        "background": "#FFffFF",
        "transition": {"type": "crossfade"},
        "notes": "one note",
        "companion": "https://x/b-jpg.hwshow"
      },
      {
        "layout": [
          {"media": {"sizes": [{"uri": "https://x/c-4k.png", "width": 3840, "height": 2160},
                               {"uri": "https://x/c.png", "width": 1920, "height": 1080}]},
           "region": {"col": 0, "row": 0, "cols": 2, "rows": 3}},
          {"media": "https://x/d.png", "region": {"col": 2, "row": 1},
           "fit": "fit", "anchor": "right"}
        ],
        "fit": "stretch",
        "anchor": {"x": 0.25, "y": 1},
        "notes": ["n1", "n2"]
      },
      {"media": "https://x/m.MP4"},
      {"media": {"uri": "https://x/stream", "kind": "movie"}},
      {"media": {"uri": "https://x/still.mp4", "kind": "image"}}
    ]
  })json");
  Playlist p = load({show});
  EXPECT_TRUE(p.warnings.empty());
  EXPECT_EQ(p.metadata.title, "All fields");
  EXPECT_EQ(p.metadata.description, "Every key once");
  EXPECT_EQ(p.metadata.credits,
            (std::vector<std::string>{"Producer: Pat Doe", "Visualizer: Sam Roe (NASA)"}));
  EXPECT_EQ(p.metadata.keywords, std::vector<std::string>{"Earth"});
  EXPECT_EQ(p.metadata.releaseDate, "2026-04-01");
  EXPECT_EQ(p.metadata.svsPageUrl, "https://svs.gsfc.nasa.gov/31382/");
  EXPECT_EQ(p.metadata.source, show);
  EXPECT_EQ(p.defaults.durationSeconds, 12.5);
  EXPECT_EQ(p.defaults.fit, FitMode::Fill);
  EXPECT_EQ(p.defaults.background, (Color{0x10, 0x20, 0x30}));
  EXPECT_EQ(p.defaults.transition.type, TransitionType::Cut);
  EXPECT_EQ(p.defaults.transition.seconds, 0.5);
  EXPECT_FALSE(p.loop);
  ASSERT_EQ(p.cues.size(), 6u);

  const Cue& a = p.cues[0];
  EXPECT_EQ(a.title, "a.png");
  EXPECT_EQ(a.durationSeconds, 12.5);
  EXPECT_EQ(a.background, (Color{0x10, 0x20, 0x30}));
  EXPECT_EQ(a.transition.type, TransitionType::Cut);
  EXPECT_EQ(a.origin, show + "#/cues/0");
  ASSERT_EQ(a.items.size(), 1u);
  EXPECT_EQ(a.items[0].media.uri, png);
  EXPECT_EQ(a.items[0].media.width, 7);  // read from the PNG header
  EXPECT_EQ(a.items[0].media.height, 5);
  EXPECT_EQ(a.items[0].fit, FitMode::Fill);
  EXPECT_EQ(a.items[0].region, Region{});

  const Cue& b = p.cues[1];
  EXPECT_EQ(b.title, "Second");
  EXPECT_EQ(b.durationSeconds, 3);
  EXPECT_EQ(b.items[0].fit, FitMode::Native);
  EXPECT_EQ(b.items[0].anchor.x, 0);
  EXPECT_EQ(b.items[0].anchor.y, 0);
  EXPECT_EQ(b.items[0].media.uri, "https://x/b.jpg");
  EXPECT_EQ(b.items[0].media.width, 100);
  EXPECT_EQ(b.background, (Color{255, 255, 255}));
  EXPECT_EQ(b.transition.type, TransitionType::Crossfade);
  EXPECT_EQ(b.transition.seconds, 0.5);  // kept from the defaults
  EXPECT_EQ(b.notes, std::vector<std::string>{"one note"});
  EXPECT_EQ(b.hwshowUri, "https://x/b-jpg.hwshow");

  const Cue& c = p.cues[2];
  EXPECT_EQ(c.title, "c-4k.png + d.png");
  EXPECT_EQ(c.notes, (std::vector<std::string>{"n1", "n2"}));
  ASSERT_EQ(c.items.size(), 2u);
  EXPECT_EQ(c.items[0].region, (Region{0, 0, 2, 3}));
  EXPECT_EQ(c.items[0].fit, FitMode::Stretch);
  EXPECT_EQ(c.items[0].anchor.x, 0.25);
  EXPECT_EQ(c.items[0].anchor.y, 1);
  // Two displays and a bezel across, three down: 3846x3252 pixels.
  EXPECT_EQ(c.items[0].media.uri, "https://x/c-4k.png");
  EXPECT_EQ(c.items[0].media.choice, "largest of 2 sizes; none covers the 3846x3252 region");
  EXPECT_EQ(c.items[1].region, (Region{2, 1, 0, 0}));
  EXPECT_EQ(c.items[1].fit, FitMode::Fit);
  EXPECT_EQ(c.items[1].anchor.x, 1);
  EXPECT_EQ(c.items[1].anchor.y, 0.5);

  // Movies play; a movie cue without a duration lasts as long as its movie
  // once playback's probe has read it (engine/movie/MovieProbe.h).
  EXPECT_TRUE(p.cues[3].playable);
  EXPECT_TRUE(p.cues[3].durationFromMovies);
  EXPECT_EQ(p.cues[3].items[0].media.kind, MediaKind::Movie);
  EXPECT_EQ(p.cues[4].items[0].media.kind, MediaKind::Movie);
  EXPECT_EQ(p.cues[5].items[0].media.kind, MediaKind::Image);
  EXPECT_TRUE(p.cues[5].playable);
}

TEST(HwshowParser, DefaultsWhenNothingIsSaid) {
  test::TempFolder folder;
  std::string show =
      folder.write("s.hwshow", R"({"hwshow": 1, "cues": [{"media": "https://x/a.png"}]})");
  Playlist p = load({show});
  CueDefaults standard;
  EXPECT_EQ(p.metadata.title, "");
  EXPECT_TRUE(p.loop);
  EXPECT_EQ(p.cues[0].durationSeconds, standard.durationSeconds);
  EXPECT_EQ(p.cues[0].items[0].fit, standard.fit);
  EXPECT_EQ(p.cues[0].transition.type, standard.transition.type);
  EXPECT_EQ(p.cues[0].transition.seconds, standard.transition.seconds);
  EXPECT_EQ(p.cues[0].background, standard.background);
  EXPECT_EQ(p.cues[0].items[0].anchor.x, 0.5);
}

TEST(HwshowParser, RegionSizedChoiceOnTheWholeWallAndOneDisplay) {
  test::TempFolder folder;
  std::string show = folder.write("s.hwshow", R"({"hwshow": 1, "cues": [{"layout": [
    {"media": {"sizes": [{"uri": "https://x/small.png", "width": 1920, "height": 1080},
                         {"uri": "https://x/big.png", "width": 3840, "height": 2160}]},
     "region": {"col": 1, "row": 1, "cols": 1, "rows": 1}},
    {"media": {"sizes": [{"uri": "https://x/small.png", "width": 1920, "height": 1080},
                         {"uri": "https://x/big.png", "width": 3840, "height": 2160}]}}
  ]}]})");
  Playlist p = load({show});
  EXPECT_EQ(p.cues[0].items[0].media.uri, "https://x/small.png");
  EXPECT_EQ(p.cues[0].items[0].media.choice, "smallest of 2 sizes covering the 1920x1080 region");
  EXPECT_EQ(p.cues[0].items[1].media.uri, "https://x/big.png");
  EXPECT_EQ(p.cues[0].items[1].media.choice,
            "largest of 2 sizes; none covers the 5772x3252 canvas");
}

TEST(HwshowParser, ReferencesResolveAgainstTheShowsOwnFolder) {
  test::TempFolder folder;
  std::string shared = folder.copy(test::kImages + "jpeg-9x4.jpg", "media/shared.jpg");
  std::string absolute = folder.copy(test::kImages + "bmp-6x3.bmp", "elsewhere/abs.bmp");
  std::string show = folder.write("shows/deep/s.hwshow", R"({"hwshow": 1, "cues": [
    {"media": "../../media/shared.jpg"},
    {"media": ")" + absolute + R"("},
    {"media": "https://example.org/remote.png"}
  ]})");
  Playlist p = load({show});
  EXPECT_EQ(p.cues[0].items[0].media.uri, shared);
  EXPECT_EQ(p.cues[0].items[0].media.width, 9);
  EXPECT_EQ(p.cues[1].items[0].media.uri, absolute);
  EXPECT_EQ(p.cues[2].items[0].media.uri, "https://example.org/remote.png");
  EXPECT_EQ(p.cues[2].items[0].media.width, 0);
}

TEST(HwshowParser, AssetReferencesNeedNoFileButAFakeOneDoes) {
  // What a wall master sends its nodes: files named by content, fetched later.
  test::TempFolder folder;
  const std::string asset = "asset:" + std::string(64, 'f');
  std::string show = folder.write("s.hwshow", R"({"hwshow": 1, "cues": [
    {"media": {"uri": ")" + asset + R"(", "width": 3840, "height": 2160}}]})");
  Playlist p = load({show});
  EXPECT_EQ(p.cues[0].items[0].media.uri, asset);
  EXPECT_EQ(p.cues[0].items[0].media.width, 3840);
  std::string fake = folder.write("f.hwshow", R"({"hwshow": 1, "cues": [{"media": "asset:abc"}]})");
  EXPECT_EQ(loadError({fake}), fake + ": /cues/0/media: no such file \"asset:abc\"");
}

TEST(HwshowParser, RelativeToTheShowNotTheWorkingFolder) {
  test::TempFolder folder;
  folder.copy(test::kImages + "png-7x5.png", "s/a.png");
  std::string show = folder.write("s/s.hwshow", R"({"hwshow": 1, "cues": [{"media": "a.png"}]})");
  std::filesystem::path before = std::filesystem::current_path();
  std::filesystem::current_path(folder.path());
  Playlist p = load({"s/s.hwshow"});
  std::filesystem::current_path(before);
  EXPECT_EQ(p.cues[0].items[0].media.uri, folder / "s/a.png");
  EXPECT_EQ(p.cues[0].origin, "s/s.hwshow#/cues/0");
}

TEST(HwshowParser, LayoutsAreWrittenForAWallSize) {
  std::string show = HYPERWALL_SOURCE_DIR "/examples/mabl-b/mabl-b.hwshow";
  EXPECT_EQ(load({show}, "3x3-1080p").cues.size(), 3u);
  EXPECT_EQ(loadError({show}, "1x1-1080p"),
            show +
                ": /cues/1/layout/0/region: region col 0 + cols 2 does not fit the 1x1 wall "
                "\"1x1-1080p\" (columns 0-0)");
}

}  // namespace
}  // namespace hw
