#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "tests/support/BadInputFiles.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/TempFolder.h"
#include "tests/support/TestMovie.h"

namespace hw::test {
namespace {

const std::string kSeed = "examples/mabl-b/svs-31382-mabl-b.json";

// Runs `hyperwall plan` from the source folder with an empty cache, so that
// media availability does not depend on what this machine downloaded.
CommandResult plan(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {HYPERWALL_EXE, "plan"};
  argv.insert(argv.end(), args.begin(), args.end());
  return runCommand(argv, {{"HYPERWALL_CACHE", "/nonexistent/hyperwall-test-cache"}},
                    std::chrono::seconds(60), HYPERWALL_SOURCE_DIR);
}

nlohmann::json planJson(const std::string& source, const std::string& wall) {
  CommandResult r = plan({source, "--wall", wall, "--json"});
  EXPECT_EQ(r.exitStatus, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

std::string fileOf(const nlohmann::json& item) {
  std::string uri = item["media"]["uri"];
  return uri.substr(uri.find_last_of('/') + 1);
}

TEST(PlanCli, SeedPageListsTwoImageCuesInPageOrderWithTextAsNotes) {
  nlohmann::json report = planJson(kSeed, "3x3-1080p");
  ASSERT_EQ(report["cues"].size(), 2u);
  const auto& first = report["cues"][0];
  const auto& second = report["cues"][1];
  EXPECT_EQ(fileOf(first["items"][0]), "cell-samples-jsc2025e065389.png");
  EXPECT_EQ(fileOf(second["items"][0]), "case-combined-jsc2025e065387.jpg");
  EXPECT_EQ(second["items"][0]["media"]["width"], 3191);
  EXPECT_EQ(second["items"][0]["media"]["height"], 1795);
  for (const auto& cue : report["cues"]) {
    ASSERT_EQ(cue["notes"].size(), 1u);
    EXPECT_EQ(cue["notes"][0].get<std::string>().rfind("During long-duration missions", 0), 0u);
  }
  EXPECT_EQ(report["show"]["title"], "Bone Loss Research Aboard the ISS");
  EXPECT_EQ(report["wall"]["canvas"]["width"], 5772);
  EXPECT_EQ(first["items"][0]["displays"].size(), 9u);
}

TEST(PlanCli, SingleDisplayWallChoosesTheSmallerPng) {
  nlohmann::json report = planJson(kSeed, "1x1-1080p");
  EXPECT_EQ(fileOf(report["cues"][1]["items"][0]), "case-combined-jsc2025e065387-1080p.png");
  EXPECT_EQ(report["cues"][1]["items"][0]["media"]["width"], 1920);
  EXPECT_EQ(report["cues"][1]["items"][0]["displays"].size(), 1u);
}

// Golden files pin the whole --json document for every preset; regenerate
// them with scripts/update-golden.sh after an intended change and review the diff.
TEST(PlanCli, JsonOutputMatchesGoldenFilesForEveryPreset) {
  for (const char* wall : {"1x1-1080p", "2x2-1080p", "3x3-1080p", "5x3-1080p", "4x4-4k"}) {
    std::ifstream golden(std::string(HYPERWALL_SOURCE_DIR) + "/tests/data/golden/plan-mabl-b-" +
                         wall + ".json");
    ASSERT_TRUE(golden) << "missing golden file for " << wall;
    nlohmann::json expected = nlohmann::json::parse(golden);
    EXPECT_EQ(planJson(kSeed, wall), expected) << wall;
  }
}

TEST(PlanCli, TextOutputNamesEveryDisplayAndTheChoice) {
  CommandResult r = plan({kSeed, "--wall", "3x3-1080p"});
  ASSERT_EQ(r.exitStatus, 0) << r.err;
  EXPECT_NE(r.out.find("largest of 2 sizes; none covers the 5772x3252 canvas"), std::string::npos);
  for (const char* node : {"r0c0", "r1c1", "r2c2"}) EXPECT_NE(r.out.find(node), std::string::npos);
  EXPECT_NE(r.out.find("stand-in"), std::string::npos);
}

TEST(PlanCli, EmitHwshowWritesAShowThatPlansTheSame) {
  auto dir = std::filesystem::temp_directory_path() / ("hw-plan-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::string written = (dir / "seed.hwshow").string();
  CommandResult r = plan({kSeed, "--wall", "3x3-1080p", "--emit-hwshow", written});
  ASSERT_EQ(r.exitStatus, 0) << r.err;
  nlohmann::json original = planJson(kSeed, "3x3-1080p");
  nlohmann::json again = planJson(written, "3x3-1080p");
  ASSERT_EQ(again["cues"].size(), original["cues"].size());
  for (std::size_t i = 0; i < original["cues"].size(); ++i)
    EXPECT_EQ(again["cues"][i]["items"], original["cues"][i]["items"]) << "cue " << i;
  std::filesystem::remove_all(dir);
}

// The emitted show reads in an author's order: the version first, then what the show is, its
// defaults, and its cues, each cue with its title first.
TEST(PlanCli, EmitHwshowWritesTheVersionFirstAndKeysInReadingOrder) {
  test::TempFolder dir;
  std::string written = dir / "seed.hwshow";
  CommandResult r = plan({kSeed, "--wall", "3x3-1080p", "--emit-hwshow", written});
  ASSERT_EQ(r.exitStatus, 0) << r.err;
  std::ifstream in(written);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.rfind("{\n  \"hwshow\": 1,\n  \"title\": ", 0), 0u) << text.substr(0, 200);
  std::size_t title = text.find("\"title\""), defaults = text.find("\"defaults\""),
              cues = text.find("\"cues\""), firstCueTitle = text.find("\"title\"", cues),
              firstCueMedia = text.find("\"media\"", cues), notes = text.find("\"notes\"", cues);
  EXPECT_LT(title, defaults);
  EXPECT_LT(defaults, cues);
  EXPECT_LT(firstCueTitle, firstCueMedia);
  EXPECT_LT(firstCueMedia, notes);
}

// A picture blown up on the wall looks soft: plan says which and by how much.
TEST(PlanCli, WarnsWhenAPictureIsEnlargedMoreThanOneAndAHalfTimes) {
  // 3x3: the page's largest size, 3191x1795, fills a 5772x3252 canvas: 1.81x.
  CommandResult nine = plan({kSeed, "--wall", "3x3-1080p"});
  ASSERT_EQ(nine.exitStatus, 0) << nine.err;
  EXPECT_NE(nine.out.find("warning: cue 1 \"Microscopic images of bone-forming stem cells and "
                          "osteoclasts\": cell-samples-jsc2025e065389.png (1920x1080) is enlarged "
                          "3.01x on the wall"),
            std::string::npos)
      << nine.out;
  nlohmann::json report = planJson(kSeed, "3x3-1080p");
  std::size_t enlarged = 0;
  for (const auto& warning : report["warnings"])
    enlarged += warning.get<std::string>().find("is enlarged") != std::string::npos;
  EXPECT_EQ(enlarged, 2u) << report["warnings"].dump(1);
  // One display: every picture covers it, nothing is enlarged.
  CommandResult one = plan({kSeed, "--wall", "1x1-1080p"});
  ASSERT_EQ(one.exitStatus, 0) << one.err;
  EXPECT_EQ(one.out.find("is enlarged"), std::string::npos) << one.out;
}

// The second bundled example is local pictures and a movie made at build time: it plans
// with every file on disk, and rehearses, on every preset wall.
TEST(PlanCli, FirstLightExamplePlansAndRehearsesOnEveryPreset) {
  std::string show = std::string(HYPERWALL_EXAMPLES_DIR) + "/first-light/first-light.hwshow";
  for (const char* wall : {"1x1-1080p", "2x2-1080p", "3x3-1080p", "5x3-1080p", "4x4-4k"}) {
    nlohmann::json report = planJson(show, wall);
    ASSERT_EQ(report["cues"].size(), 4u) << wall;
    for (const auto& cue : report["cues"]) {
      EXPECT_TRUE(cue["playable"].get<bool>()) << wall;
      EXPECT_EQ(cue["items"][0]["media"]["availability"], "file") << wall;
      EXPECT_FALSE(cue["items"][0]["displays"].empty()) << wall;
    }
    // The movie: 4 s at 30 fps, read from the built file, three times through.
    const nlohmann::json& movie = report["cues"][3];
    EXPECT_EQ(movie["items"][0]["media"]["kind"], "movie") << wall;
    EXPECT_EQ(movie["items"][0]["media"]["movie"]["fps"], "30") << wall;
    EXPECT_EQ(movie["items"][0]["media"]["movie"]["frames"], 120) << wall;
    EXPECT_DOUBLE_EQ(movie["duration_s"].get<double>(), 12.0) << wall;
    test::TempFolder shots;
    CommandResult r = runCommand({HYPERWALL_EXE, "rehearse", show, "--wall", wall, "--snapshot",
                                  shots.path().string(), "--fps", "1"},
                                 {{"HYPERWALL_CACHE", "/nonexistent/hyperwall-test-cache"}},
                                 std::chrono::seconds(240), HYPERWALL_SOURCE_DIR);
    ASSERT_EQ(r.exitStatus, 0) << wall << ": " << r.err;
    for (const char* shot : {"cue-001.png", "cue-002.png", "cue-003.png", "cue-004.png"})
      EXPECT_TRUE(std::filesystem::exists(shots.path() / shot)) << wall << " " << shot;
  }
}

// A real SVS page of movies at 1024p and 2048p (the API gives width and
// height 0; the same page as ../shared/research/svs-real): planned on 3x3-1080p
// as movie cues of its 2048p movies, which play as stand-ins while not
// downloaded (sized by their names, 10 s at their 30 fps), and are timed by
// the file once it is in the cache.
TEST(PlanCli, SvsMoviesPlayStandInsUntilDownloadedThenAreTimedByTheirFile) {
  const std::string page = "tests/data/svs/svs-5274-visualization.json";
  CommandResult bare = plan({page, "--wall", "3x3-1080p"});
  ASSERT_EQ(bare.exitStatus, 0) << bare.err;
  EXPECT_NE(bare.out.find("20240430_AR13654M95_AIA131_PSF_stamped_2048p30.mp4\n"
                          "         2048x2048, not downloaded: a stand-in movie plays\n"
                          "         30 fps, 300 frames (10 s)\n"),
            std::string::npos)
      << bare.out;
  nlohmann::json offline = planJson(page, "3x3-1080p");
  int movies = 0;
  for (const auto& cue : offline["cues"]) {
    const nlohmann::json& media = cue["items"][0]["media"];
    // Offline only the page's frame folders wait (for their listings).
    if (!cue["playable"].get<bool>()) {
      EXPECT_EQ(media["kind"], "frames") << cue;
    }
    if (media["kind"] != "movie") continue;
    ++movies;
    EXPECT_TRUE(cue["playable"].get<bool>()) << cue;
    EXPECT_EQ(media["availability"], "stand-in") << cue;
    EXPECT_NE(media["uri"].get<std::string>().find("_2048p30.mp4"), std::string::npos) << cue;
    EXPECT_EQ(media["width"], 2048);
    EXPECT_EQ(media["height"], 2048);
    EXPECT_EQ(media["movie"]["frames"], 300);
    EXPECT_DOUBLE_EQ(cue["duration_s"].get<double>(), 10.0);
  }
  EXPECT_EQ(movies, 3);

  TempFolder cache;
  const std::string url = "https://svs.gsfc.nasa.gov/vis/a000000/a005200/a005274/"
                          "20240430_AR13654M95_AIA131_PSF_stamped_2048p30.mp4";
  std::filesystem::path local =
      cache.path() / "media/svs.gsfc.nasa.gov/vis/a000000/a005200/a005274";
  std::filesystem::create_directories(local);
  TestMovieSpec spec;
  spec.frames = 45;
  makeTestMovie(local, "20240430_AR13654M95_AIA131_PSF_stamped_2048p30.mp4", spec);
  CommandResult cached =
      runCommand({HYPERWALL_EXE, "plan", page, "--wall", "3x3-1080p", "--json"},
                 {{"HYPERWALL_CACHE", cache.path().string()}}, std::chrono::seconds(60),
                 HYPERWALL_SOURCE_DIR);
  ASSERT_EQ(cached.exitStatus, 0) << cached.err;
  const nlohmann::json cue = nlohmann::json::parse(cached.out)["cues"][0];
  EXPECT_EQ(cue["items"][0]["media"]["uri"], url);
  EXPECT_EQ(cue["items"][0]["media"]["movie"]["fps"], "30");
  EXPECT_EQ(cue["items"][0]["media"]["movie"]["frames"], 45);
  EXPECT_DOUBLE_EQ(cue["duration_s"].get<double>(), 1.5);  // 45 frames at 30 fps, once
}

// The same page's 12 Frames items (folders of numbered PNGs): frame cues,
// skipped offline while their folders' listings are not in the cache, timed
// by their frames once a listing is.
TEST(PlanCli, SvsFrameFoldersArePlannedAsFrameCuesSkippedUntilTheirListingIsCached) {
  const std::string page = "tests/data/svs/svs-5274-visualization.json";
  TempFolder cache;
  auto planJson = [&] {
    CommandResult r = runCommand({HYPERWALL_EXE, "plan", page, "--wall", "3x3-1080p", "--json"},
                                 {{"HYPERWALL_CACHE", cache.path().string()}},
                                 std::chrono::seconds(60), HYPERWALL_SOURCE_DIR);
    EXPECT_EQ(r.exitStatus, 0) << r.err;
    return nlohmann::json::parse(r.out);
  };
  auto frameCues = [](const nlohmann::json& report) {
    std::vector<nlohmann::json> cues;
    for (const auto& cue : report["cues"])
      if (cue["items"][0]["media"]["kind"] == "frames") cues.push_back(cue);
    return cues;
  };
  std::vector<nlohmann::json> offline = frameCues(planJson());
  ASSERT_EQ(offline.size(), 12u);
  for (const auto& cue : offline) {
    std::string uri = cue["items"][0]["media"]["uri"];
    EXPECT_EQ(cue["playable"], false) << uri;
    std::string folder = uri.substr(uri.rfind('/', uri.size() - 2) + 1);
    EXPECT_EQ(cue["skip_reason"], "frames not fetched: no listing of " + folder) << uri;
    EXPECT_EQ(cue["items"][0]["media"]["width"], 4096) << uri;  // from "4096x4096_1x1_30p"
  }
  EXPECT_EQ(offline[0]["title"].get<std::string>(),
            "Active Region 13654 (near the right limb) launches an M9.5 flare in this view "
            "through the SDO AIA 131 angstrom filter. (frames AIA131-Frames.PSF/)");
  CommandResult text = plan({page, "--wall", "3x3-1080p"});
  EXPECT_NE(text.out.find("NOT PLAYED: frames not fetched: no listing of AIA131-Slates/"),
            std::string::npos)
      << text.out;

  // A listing in the cache, as `fetch` leaves it: the folder's index page and its frames.
  const std::string folder =
      "https://svs.gsfc.nasa.gov/vis/a000000/a005200/a005274/frames/"
      "4096x4096_1x1_30p/AIA131-Frames.PSF/";
  std::filesystem::path local = cache.path() /
                                "media/svs.gsfc.nasa.gov/vis/a000000/a005200/"
                                "a005274/frames/4096x4096_1x1_30p";
  TestMovieSpec spec;
  spec.frames = 6;
  makeTestFrames(local, "AIA131-Frames.PSF", spec);
  std::string listing = "<html><body><a href=\"../\">Parent</a>";
  for (int i = 1; i <= 6; ++i)
    listing += "<a href=\"AIA131-Frames.PSF.000" + std::to_string(i) + ".png\">f</a>";
  std::ofstream(local / "AIA131-Frames.PSF" / "index.html") << listing << "</body></html>";
  std::vector<nlohmann::json> listed = frameCues(planJson());
  ASSERT_EQ(listed.size(), 12u);
  const nlohmann::json& cue = listed[0];
  EXPECT_EQ(cue["items"][0]["media"]["uri"], folder);
  EXPECT_EQ(cue["playable"], true) << cue;
  EXPECT_EQ(cue["items"][0]["media"]["availability"], "cached");
  EXPECT_EQ(cue["items"][0]["media"]["movie"]["fps"], "30");
  EXPECT_EQ(cue["items"][0]["media"]["movie"]["frames"], 6);
  EXPECT_DOUBLE_EQ(cue["duration_s"].get<double>(), 0.2);  // 6 frames at 30 fps, once
  EXPECT_EQ(listed[1]["playable"], false);
}

TEST(PlanCli, EveryBadShowExitsTwoWithItsExactError) {
  std::string folder = std::string(HYPERWALL_SOURCE_DIR) + "/tests/data/bad-shows";
  for (const auto& c : badInputCases(folder)) {
    CommandResult r = plan({c.path, "--wall", "3x3-1080p"});
    EXPECT_EQ(r.exitStatus, 2) << c.name;
    EXPECT_EQ(r.err, "hyperwall: " + c.expected + "\n") << c.name;
    EXPECT_TRUE(r.out.empty()) << c.name;
  }
}

TEST(PlanCli, EveryBadWallExitsTwoWithItsExactError) {
  std::string folder = std::string(HYPERWALL_SOURCE_DIR) + "/tests/data/bad-walls";
  for (const auto& c : badInputCases(folder)) {
    CommandResult r = plan({kSeed, "--wall", c.path});
    EXPECT_EQ(r.exitStatus, 2) << c.name;
    EXPECT_EQ(r.err, "hyperwall: " + c.expected + "\n") << c.name;
  }
}

TEST(PlanCli, MissingSourceFileExitsTwoNamingIt) {
  CommandResult r = plan({"no/such/show.hwshow"});
  EXPECT_EQ(r.exitStatus, 2);
  EXPECT_NE(r.err.find("no/such/show.hwshow"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace
}  // namespace hw::test
