#include <gtest/gtest.h>

#include <algorithm>

#include "config/InputError.h"
#include "config/JsonFile.h"
#include "config/WallConfigLoader.h"
#include "hwshow/ShowPaths.h"
#include "hwshow/SvsPageParser.h"
#include "tests/support/TempFolder.h"

namespace hw {
namespace {

const std::string kSeed = HYPERWALL_SOURCE_DIR "/examples/mabl-b/svs-31382-mabl-b.json";
const std::string kSvsData = HYPERWALL_SOURCE_DIR "/tests/data/svs/";
const std::string kVis = "https://svs.gsfc.nasa.gov/vis/a030000/a031300/a031382/";

Playlist readPage(const std::string& path, const std::string& wallName = "3x3-1080p",
                  const LocalMirror& mirror = LocalMirror("/nonexistent-cache")) {
  WallConfig wall = loadWallConfig(wallName);
  LoadContext context{wall, mirror, {}};
  return readSvsPageFile(path, {}, context);
}

Playlist parsePage(const nlohmann::json& page) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  LocalMirror mirror("/nonexistent-cache");
  LoadContext context{wall, mirror, {}};
  return parseSvsPage(page, "page.json", {}, context);
}

bool anyWarningHas(const Playlist& playlist, const std::string& text) {
  return std::any_of(playlist.warnings.begin(), playlist.warnings.end(),
                     [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

TEST(SvsSeedPage, TwoImageCuesInPageOrder) {
  Playlist show = readPage(kSeed);
  ASSERT_EQ(show.cues.size(), 2u);
  EXPECT_TRUE(show.warnings.empty()) << show.warnings.front();

  const Cue& first = show.cues[0];
  EXPECT_EQ(first.title, "Microscopic images of bone-forming stem cells and osteoclasts");
  ASSERT_EQ(first.items.size(), 1u);
  EXPECT_EQ(first.items[0].media.uri, kVis + "cell-samples-jsc2025e065389.png");
  EXPECT_EQ(first.items[0].media.kind, MediaKind::Image);
  EXPECT_EQ(first.items[0].region, Region{});
  EXPECT_EQ(first.origin, kSeed + "#/media_groups/0");
  EXPECT_TRUE(first.playable);

  const Cue& second = show.cues[1];
  EXPECT_EQ(second.title, "Sample holders for the MABL-B experiment");
  EXPECT_EQ(second.origin, kSeed + "#/media_groups/2");
}

TEST(SvsSeedPage, SizeChosenForTheNineScreenWall) {
  Playlist show = readPage(kSeed, "3x3-1080p");
  const MediaRef& media = show.cues[1].items[0].media;
  EXPECT_EQ(media.uri, kVis + "case-combined-jsc2025e065387.jpg");
  EXPECT_EQ(media.width, 3191);
  EXPECT_EQ(media.height, 1795);
  EXPECT_EQ(media.choice, "largest of 2 sizes; none covers the 5772x3252 canvas");
  ASSERT_EQ(media.candidates.size(), 2u);
  EXPECT_EQ(media.candidates[0].uri, kVis + "case-combined-jsc2025e065387-1080p.png");
  EXPECT_EQ(media.candidates[0].width, 1920);
}

TEST(SvsSeedPage, SizeChosenForOneDisplay) {
  Playlist show = readPage(kSeed, "1x1-1080p");
  const MediaRef& media = show.cues[1].items[0].media;
  EXPECT_EQ(media.uri, kVis + "case-combined-jsc2025e065387-1080p.png");
  EXPECT_EQ(media.choice, "smallest of 2 sizes covering the 1920x1080 canvas");
}

TEST(SvsSeedPage, TextGroupIsNotesOnBothNeighbours) {
  Playlist show = readPage(kSeed);
  ASSERT_EQ(show.cues[0].notes.size(), 1u);
  ASSERT_EQ(show.cues[1].notes.size(), 1u);
  const std::string& note = show.cues[0].notes[0];
  EXPECT_EQ(note, show.cues[1].notes[0]);
  EXPECT_EQ(note.rfind("During long-duration missions, astronauts may experience", 0), 0u);
  EXPECT_NE(note.find("they aren\u2019t sure exactly why"), std::string::npos);
  EXPECT_NE(note.find("in microgravity.\n\nPrevious research"), std::string::npos);
  EXPECT_EQ(note.find('\r'), std::string::npos);
}

TEST(SvsSeedPage, CompanionShowsAreRecorded) {
  Playlist show = readPage(kSeed);
  EXPECT_EQ(show.cues[0].hwshowUri, kVis + "cell-samples-jsc2025e065389-png.hwshow");
  EXPECT_EQ(show.cues[1].hwshowUri, kVis + "case-combined-jsc2025e065387-jpg.hwshow");
  // No local copy: the page's own image is shown.
  EXPECT_EQ(show.cues[1].items.size(), 1u);
}

TEST(SvsSeedPage, Metadata) {
  ShowMetadata m = readPage(kSeed).metadata;
  EXPECT_EQ(m.title, "Bone Loss Research Aboard the ISS");
  EXPECT_EQ(m.description.rfind("The experiment tests how microgravity affects", 0), 0u);
  EXPECT_EQ(m.credits, std::vector<std::string>{
                           "Technical support: Amy Moran (Global Science and Technology, Inc.)"});
  EXPECT_EQ(m.keywords, (std::vector<std::string>{"Biological & Physical Sciences", "Human Health",
                                                  "ISS", "Microgravity"}));
  EXPECT_EQ(m.releaseDate, "2026-04-01T12:00:00-04:00");
  EXPECT_EQ(m.svsPageUrl, "https://svs.gsfc.nasa.gov/31382/");
  EXPECT_EQ(m.source, kSeed);
}

TEST(SvsSeedPage, CuesTakeTheGivenDefaults) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  LocalMirror mirror("/nonexistent-cache");
  LoadContext context{wall, mirror, {}};
  CueDefaults defaults;
  defaults.durationSeconds = 20;
  defaults.fit = FitMode::Fill;
  defaults.background = {1, 2, 3};
  defaults.transition = {TransitionType::Cut, 0};
  Playlist show = readSvsPageFile(kSeed, defaults, context);
  for (const Cue& cue : show.cues) {
    EXPECT_EQ(cue.durationSeconds, 20);
    EXPECT_EQ(cue.items[0].fit, FitMode::Fill);
    EXPECT_EQ(cue.background, (Color{1, 2, 3}));
    EXPECT_EQ(cue.transition.type, TransitionType::Cut);
  }
}

TEST(SvsPageVariants, MoviesBecomeMovieCuesAndTheRestIsSkippedByName) {
  Playlist show = readPage(kSvsData + "movie-and-others.json");
  EXPECT_EQ(show.metadata.title, "Variety \u2014 every kind of group");
  ASSERT_EQ(show.cues.size(), 3u);
  EXPECT_EQ(show.cues[0].title, "Still");
  EXPECT_EQ(show.cues[0].notes, std::vector<std::string>{"A still & its caption"});

  const Cue& movie = show.cues[1];
  EXPECT_EQ(movie.title, "Rotating Earth");
  EXPECT_TRUE(movie.playable);  // until playback finds its file missing (MovieProbe)
  EXPECT_TRUE(movie.durationFromMovies);
  EXPECT_EQ(movie.items[0].media.kind, MediaKind::Movie);
  EXPECT_EQ(movie.items[0].media.uri, "https://example.org/earth_2160p.mp4");
  EXPECT_EQ(movie.items[0].media.candidates.size(), 2u);

  EXPECT_EQ(show.cues[2].title, "Unknown widget, known image");
  EXPECT_TRUE(show.cues[2].playable);
  EXPECT_EQ(show.cues[2].notes, std::vector<std::string>{"Background\n\nText after the last cue."});

  std::string file = kSvsData + "movie-and-others.json: ";
  for (const std::string& expected :
       {file + "media group 2 \"Rotating Earth\": skipped a Captions item \"earth.en_US.srt\": "
               "it cannot be shown",
        file + "media group 2 \"Rotating Earth\": 1 still image(s) beside the movie are not shown",
        file + "media group 3 \"Frame set\": skipped a Frames item \"frames/\": its folder name "
               "gives no frame rate (such as _30p)",
        file + "media group 5 \"Links and other things\": skipped a nested media group "
               "\"Inner group\": it cannot be shown",
        file + "media group 5 \"Links and other things\": skipped a link item \"NASA\": it "
               "cannot be shown",
        file + "media group 5 \"Links and other things\": skipped a details_page item "
               "\"Another page\": it cannot be shown",
        file + "media group 5 \"Links and other things\": skipped a gallery_page item "
               "\"Gallery\": it cannot be shown",
        file + "media group 5 \"Links and other things\": skipped an Audio item \"talk.mp3\": "
               "it cannot be shown",
        file + "media group 5 \"Links and other things\": skipped a Presentation item "
               "\"slides.pptx\": it cannot be shown",
        file + "media group 5 \"Links and other things\": skipped a File item \"data.zip\": it "
               "cannot be shown",
        file + "media group 5 \"Links and other things\": skipped a hologram item \"Future "
               "item\": it cannot be shown",
        file + "media group 7 \"Empty group\": nothing to show"})
    EXPECT_NE(std::find(show.warnings.begin(), show.warnings.end(), expected), show.warnings.end())
        << expected;
  EXPECT_EQ(show.warnings.size(), 12u);
}

TEST(SvsPageVariants, MovieSizesAndRatesComeFromFileNamesAndOtherVersionsAreNamed) {
  // A real page: width and height 0 for every movie, three files per group.
  Playlist show = readPage(kSvsData + "svs-5274-visualization.json");
  ASSERT_GE(show.cues.size(), 3u);
  const MediaRef& movie = show.cues[0].items.at(0).media;
  EXPECT_EQ(uriFileName(movie.uri), "20240430_AR13654M95_AIA131_PSF_stamped_2048p30.mp4");
  EXPECT_EQ(movie.width, 2048);
  EXPECT_EQ(movie.height, 2048);  // square, as the group's poster image
  EXPECT_EQ(movie.movie.rate, (FrameRate{30, 1}));
  EXPECT_EQ(movie.candidates.size(), 2u);  // the stamped movie at 1024p and 2048p
  EXPECT_TRUE(anyWarningHas(show, "media group 374252: showing "
                                  "20240430_AR13654M95_AIA131_PSF_stamped_2048p30.mp4; its other "
                                  "movies differ by more than size and are not shown: "
                                  "20240430_AR13654M95_AIA131.PSF_2048p30.mp4"));
}

TEST(SvsPageVariants, EveryFramesItemIsAFrameCueOfItsOwnSizedAndTimedByItsFolderNames) {
  Playlist show = readPage(kSvsData + "svs-5274-visualization.json");
  std::vector<const Cue*> frames;
  for (const Cue& cue : show.cues)
    if (cue.items.at(0).media.isFrameSequence()) frames.push_back(&cue);
  ASSERT_EQ(frames.size(), 12u);
  const MediaRef& first = frames[0]->items[0].media;
  EXPECT_EQ(first.uri,
            "https://svs.gsfc.nasa.gov/vis/a000000/a005200/a005274/frames/"
            "4096x4096_1x1_30p/AIA131-Frames.PSF/");
  EXPECT_EQ(first.kind, MediaKind::Movie);
  EXPECT_EQ(first.width, 4096);
  EXPECT_EQ(first.movie.rate, (FrameRate{30, 1}));
  EXPECT_TRUE(first.frames.empty());  // until the folder's listing is fetched (MovieProbe)
  EXPECT_TRUE(frames[0]->durationFromMovies);
  EXPECT_NE(frames[0]->title.find("(frames AIA131-Frames.PSF/)"), std::string::npos)
      << frames[0]->title;
  EXPECT_EQ(uriFileName(frames[11]->items[0].media.uri), "AIA131-Slates/");
  EXPECT_FALSE(anyWarningHas(show, "Frames item"));
}

TEST(SvsPageVariants, NullsEverywhereNeverThrow) {
  Playlist show = readPage(kSvsData + "nulls.json");
  ASSERT_EQ(show.cues.size(), 1u);
  const MediaRef& media = show.cues[0].items[0].media;
  EXPECT_EQ(media.uri, "https://example.org/sizeless.png");
  EXPECT_EQ(media.width, 0);
  EXPECT_EQ(show.cues[0].title, "media group 8");
  EXPECT_EQ(show.metadata.title, "");
  EXPECT_EQ(show.metadata.credits, std::vector<std::string>{"Producer: Pat Doe"});
  EXPECT_EQ(show.metadata.keywords, std::vector<std::string>{"A < B"});
  EXPECT_EQ(show.metadata.svsPageUrl, "");
  EXPECT_TRUE(anyWarningHas(show, "/media_groups/0: skipped null where a media group belongs"));
  EXPECT_TRUE(anyWarningHas(show, "/media_groups/1: skipped an integer where a media group"));
  EXPECT_TRUE(anyWarningHas(show, "/media_groups/2: skipped a string where a media group"));
  EXPECT_TRUE(anyWarningHas(show, "media group at /media_groups/3: nothing to show"));
  EXPECT_TRUE(anyWarningHas(show, "media group 8: skipped an empty item: it cannot be shown"));
  EXPECT_TRUE(anyWarningHas(show, "media group 8: skipped a media item with no media type"));
  EXPECT_TRUE(
      anyWarningHas(show, "media group 8: skipped an Image item \"nourl.png\": it has no URL"));
}

TEST(SvsPageVariants, MissingFieldsNeverThrow) {
  Playlist show = readPage(kSvsData + "missing-fields.json");
  ASSERT_EQ(show.cues.size(), 1u);
  EXPECT_EQ(show.cues[0].title, "media group at /media_groups/0");
  EXPECT_EQ(show.cues[0].items[0].media.uri, "https://example.org/a.jpg");
  EXPECT_TRUE(show.cues[0].notes.empty());
  EXPECT_TRUE(anyWarningHas(show, "media group at /media_groups/1: nothing to show"));
  EXPECT_EQ(show.warnings.size(), 1u);
}

TEST(SvsPageVariants, NoMediaGroupsIsAWarningNotAnError) {
  Playlist show = readPage(kSvsData + "no-media-groups.json");
  EXPECT_TRUE(show.cues.empty());
  EXPECT_EQ(show.metadata.svsPageUrl, "https://svs.gsfc.nasa.gov/12345/");
  ASSERT_EQ(show.warnings.size(), 1u);
  EXPECT_EQ(show.warnings[0],
            kSvsData + "no-media-groups.json: /media_groups: no media groups to show (got null)");
}

TEST(SvsPageVariants, OnlyANonObjectIsAnError) {
  try {
    parsePage(nlohmann::json::array());
    FAIL() << "accepted an array";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "page.json: /: expected an object (an SVS page), got an array");
  }
  EXPECT_TRUE(parsePage(nlohmann::json::object()).cues.empty());
}

void collectPointers(const nlohmann::json& value, const nlohmann::json::json_pointer& at,
                     std::vector<nlohmann::json::json_pointer>& out) {
  if (!at.empty()) out.push_back(at);
  if (value.is_object())
    for (const auto& [key, member] : value.items()) collectPointers(member, at / key, out);
  if (value.is_array())
    for (std::size_t i = 0; i < value.size(); ++i) collectPointers(value[i], at / i, out);
}

// Whatever a page puts anywhere, loading it never throws.
TEST(SvsPageVariants, AnyValueAnywhereInTheSeedPageIsSurvived) {
  nlohmann::json seed = readJsonFile(kSeed);
  std::vector<nlohmann::json::json_pointer> pointers;
  collectPointers(seed, nlohmann::json::json_pointer(), pointers);
  ASSERT_GT(pointers.size(), 100u);
  const nlohmann::json replacements[] = {nullptr,
                                         -1,
                                         3.5,
                                         "",
                                         "x",
                                         true,
                                         nlohmann::json::array(),
                                         nlohmann::json::object(),
                                         nlohmann::json::array({nullptr})};
  std::size_t parsed = 0;
  for (const auto& pointer : pointers) {
    for (const auto& replacement : replacements) {
      nlohmann::json page = seed;
      page[pointer] = replacement;
      EXPECT_NO_THROW(parsePage(page)) << pointer.to_string() << " = " << replacement.dump();
      ++parsed;
    }
  }
  EXPECT_EQ(parsed, pointers.size() * std::size(replacements));
}

TEST(SvsNotes, TextBeforeTheFirstAndBetweenCues) {
  auto image = [](int id) {
    return nlohmann::json{
        {"id", id},
        {"widget", "Single image"},
        {"items",
         {{{"type", "media"},
           {"instance",
            {{"media_type", "Image"}, {"url", "https://x/" + std::to_string(id) + ".png"}}}}}}};
  };
  auto text = [](const std::string& t) {
    return nlohmann::json{{"widget", "Basic text"}, {"description", t}};
  };
  Playlist show = parsePage(
      {{"media_groups", {text("intro"), image(1), text("a &amp; b"), image(2), text("end")}}});
  ASSERT_EQ(show.cues.size(), 2u);
  EXPECT_EQ(show.cues[0].notes, (std::vector<std::string>{"intro", "a & b"}));
  EXPECT_EQ(show.cues[1].notes, (std::vector<std::string>{"a & b", "end"}));
}

TEST(SvsNotes, GroupsOfDifferentShapesAreWarnedAbout) {
  nlohmann::json group = {{"id", 9},
                          {"items",
                           {{{"type", "media"},
                             {"instance",
                              {{"media_type", "Image"},
                               {"url", "https://x/a.png"},
                               {"width", 1000},
                               {"height", 1000}}}},
                            {{"type", "media"},
                             {"instance",
                              {{"media_type", "Image"},
                               {"url", "https://x/b.png"},
                               {"width", 1920},
                               {"height", 1080}}}}}}};
  Playlist show = parsePage({{"media_groups", {group}}});
  ASSERT_EQ(show.cues.size(), 1u);
  EXPECT_TRUE(anyWarningHas(show, "media group 9: its images differ in shape"));
}

// A size in the wrong type is not guessed at, but the warning names the field.
TEST(SvsSizes, AWronglyTypedWidthOrHeightIsAWarningNamingTheField) {
  nlohmann::json seed = readJsonFile(kSeed);
  nlohmann::json& instance = seed["media_groups"][0]["items"][0]["instance"];
  instance["width"] = "1920";
  instance["height"] = 1080.5;
  Playlist show = parsePage(seed);
  ASSERT_EQ(show.cues.size(), 2u);
  EXPECT_TRUE(anyWarningHas(show,
                            "an Image item \"cell-samples-jsc2025e065389.png\": width "
                            "\"1920\" is not a pixel count"))
      << ::testing::PrintToString(show.warnings);
  EXPECT_TRUE(anyWarningHas(show, "height 1080.5 is not a pixel count"))
      << ::testing::PrintToString(show.warnings);
  EXPECT_EQ(show.cues[0].items[0].media.width, 0);  // unknown, not 1920 read from a string
  // Null and 0 are how pages say "unknown"; they pass without a word.
  instance["width"] = nullptr;
  instance["height"] = 0;
  EXPECT_FALSE(anyWarningHas(parsePage(seed), "pixel count"));
}

// A companion .hwshow with the page lays the picture out its own way.
TEST(SvsCompanion, LocalCopyBesideThePageGivesTheLayout) {
  test::TempFolder folder;
  std::string page = folder.copy(kSeed, "page.json");
  folder.write(
      "case-combined-jsc2025e065387-jpg.hwshow",
      R"({
    "hwshow": 1,
    "cues": [{"layout": [
      {"media": ")" +
          kVis + R"(case-combined-jsc2025e065387.jpg", "region": {"col": 0, "row": 0, "cols": 2}},
      {"media": ")" +
          kVis +
          R"(case-combined-jsc2025e065387.jpg", "region": {"col": 2, "row": 2}, "fit": "fill"}
    ]}]})");
  Playlist show = readPage(page);
  EXPECT_TRUE(show.warnings.empty()) << show.warnings.front();
  ASSERT_EQ(show.cues.size(), 2u);
  EXPECT_EQ(show.cues[0].items.size(), 1u);
  const Cue& cue = show.cues[1];
  ASSERT_EQ(cue.items.size(), 2u);
  EXPECT_EQ(cue.items[0].region, (Region{0, 0, 2, 0}));
  EXPECT_EQ(cue.items[1].region, (Region{2, 2, 0, 0}));
  EXPECT_EQ(cue.items[1].fit, FitMode::Fill);
  EXPECT_EQ(cue.title, "Sample holders for the MABL-B experiment");
  EXPECT_EQ(cue.notes.size(), 1u);
}

TEST(SvsCompanion, MirrorCopyResolvesItsMediaAsUrls) {
  test::TempFolder folder;
  LocalMirror mirror(folder / "cache");
  folder.write(
      "cache/media/svs.gsfc.nasa.gov/vis/a030000/a031300/a031382/"
      "cell-samples-jsc2025e065389-png.hwshow",
      R"({"hwshow": 1, "cues": [{"layout": [
                 {"media": "cell-samples-jsc2025e065389.png",
                  "region": {"col": 1, "row": 1, "cols": 1, "rows": 1}}
               ]}]})");
  Playlist show = readPage(kSeed, "3x3-1080p", mirror);
  EXPECT_TRUE(show.warnings.empty()) << show.warnings.front();
  const LayoutItem& item = show.cues[0].items.at(0);
  EXPECT_EQ(item.region, (Region{1, 1, 1, 1}));
  EXPECT_EQ(item.media.uri, kVis + "cell-samples-jsc2025e065389.png");
  EXPECT_EQ(item.media.choice, "the only file offered");
}

TEST(SvsCompanion, UnparseableCompanionIsAWarning) {
  test::TempFolder folder;
  std::string page = folder.copy(kSeed, "page.json");
  std::string companion =
      folder.write("cell-samples-jsc2025e065389-png.hwshow", "<hyperwall-show version=\"3\"/>");
  Playlist show = readPage(page);
  ASSERT_EQ(show.cues.size(), 2u);
  EXPECT_EQ(show.cues[0].items.at(0).media.uri, kVis + "cell-samples-jsc2025e065389.png");
  ASSERT_EQ(show.warnings.size(), 1u);
  EXPECT_EQ(show.warnings[0], page +
                                  ": media group 380000 \"Microscopic images of bone-forming "
                                  "stem cells and osteoclasts\": companion show not used: " +
                                  companion +
                                  ": 1:1: malformed JSON: syntax error while parsing "
                                  "value - invalid literal; last read: '<'");
}

// A number too large for a double used to escape as nlohmann's out_of_range:
// the whole page was lost for one companion file.
TEST(SvsCompanion, CompanionWithANumberTooLargeIsAWarningNamingWhere) {
  test::TempFolder folder;
  std::string page = folder.copy(kSeed, "page.json");
  std::string companion = folder.write("cell-samples-jsc2025e065389-png.hwshow",
                                       "{\"hwshow\": 1,\n \"cues\": [{\"duration\": 1e400}]}");
  Playlist show = readPage(page);
  ASSERT_EQ(show.cues.size(), 2u);
  ASSERT_EQ(show.warnings.size(), 1u);
  EXPECT_NE(show.warnings[0].find("companion show not used: " + companion +
                                  ": 2:24: malformed JSON: number overflow parsing '1e400'"),
            std::string::npos)
      << show.warnings[0];
}

TEST(SvsCompanion, CompanionThatDoesNotFitTheWallIsAWarning) {
  test::TempFolder folder;
  std::string page = folder.copy(kSeed, "page.json");
  folder.write("cell-samples-jsc2025e065389-png.hwshow", R"({"hwshow": 1, "cues": [{"layout": [
      {"media": "https://x/a.png", "region": {"col": 2, "row": 0}}]}]})");
  Playlist show = readPage(page, "1x1-1080p");
  ASSERT_EQ(show.warnings.size(), 1u);
  EXPECT_NE(show.warnings[0].find("companion show not used: "), std::string::npos);
  EXPECT_NE(show.warnings[0].find("/cues/0/layout/0/region: region col 2 is outside the 1x1 wall"),
            std::string::npos);
  EXPECT_EQ(show.cues[0].items[0].region, Region{});
}

TEST(SvsCompanion, CompanionIncludingItsOwnPageIsACycleWarning) {
  test::TempFolder folder;
  std::string page = folder.copy(kSeed, "page.json");
  folder.write("cell-samples-jsc2025e065389-png.hwshow",
               R"({"hwshow": 1, "cues": [{"svs": "page.json"}]})");
  WallConfig wall = loadWallConfig("3x3-1080p");
  LocalMirror mirror("/nonexistent-cache");
  LoadContext context{wall, mirror, {}};
  auto entry = context.includes.enter(page, "", "");
  Playlist show = readSvsPageFile(page, {}, context);
  ASSERT_EQ(show.cues.size(), 2u);
  ASSERT_EQ(show.warnings.size(), 1u);
  EXPECT_NE(show.warnings[0].find("include cycle: page.json -> cell-samples-jsc2025e065389-png"
                                  ".hwshow -> page.json"),
            std::string::npos)
      << show.warnings[0];
}

}  // namespace
}  // namespace hw
