#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/InputError.h"
#include "config/WallConfigLoader.h"
#include "engine/fetch/ContentCheck.h"
#include "engine/fetch/SvsFetch.h"
#include "engine/fetch/SvsPageAddress.h"
#include "hwshow/LocalMirror.h"
#include "hwshow/ShowLoader.h"
#include "tests/control/SvsMirrorServer.h"
#include "tests/support/TempFolder.h"
#include "tests/control/TestImages.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/TestMovie.h"
#include "engine/movie/MovieProbe.h"
#include "tiler/MediaSource.h"

namespace hw::test {
namespace {

namespace fs = std::filesystem;

const std::string kCellPng = "cell-samples-jsc2025e065389.png";
const std::string kCaseJpg = "case-combined-jsc2025e065387.jpg";
const std::string kCasePng = "case-combined-jsc2025e065387-1080p.png";

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class Fetch : public ::testing::Test {
 protected:
  FetchReport fetch(const std::string& page = "31382") {
    FetchSettings settings;
    settings.baseUrl = mirror.url();
    settings.cacheRoot = cache.path();
    settings.firstRetryDelay = std::chrono::milliseconds(5);
    settings.attempts = 4;
    return fetchSvsPage(page, loadWallConfig("3x3-1080p"), settings, {});
  }
  fs::path cached(const std::string& fileName) const {
    return cache.path() / "media" / "svs.gsfc.nasa.gov" / "vis" / "a030000" / "a031300" /
           "a031382" / fileName;
  }
  const FetchedFile& outcomeFor(const FetchReport& report, const std::string& fileName) {
    for (const FetchedFile& f : report.files) {
      if (f.job.name.size() >= fileName.size() &&
          f.job.name.compare(f.job.name.size() - fileName.size(), fileName.size(), fileName) == 0) {
        return f;
      }
    }
    throw std::runtime_error("no outcome for " + fileName);
  }
  CommandResult runFetch(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> argv = {HYPERWALL_EXE,         "fetch",         "31382",
                                     "--base-url",          mirror.url(),    "--cache",
                                     cache.path().string(), "--retry-delay", "5"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return runCommand(argv);
  }

  // A real page of movies and frame folders, as the API gives it: page 5274.
  void serveRealMoviePage() {
    mirror.addFile("/api/5274",
                   readFile(HYPERWALL_SOURCE_DIR "/tests/data/svs/svs-5274-visualization.json"));
  }

  SvsMirrorServer mirror;
  TempFolder cache{"hyperwall-cache"};
};

TEST_F(Fetch, FillsTheCacheWithThePageItsShowsAndTheImagesTheWallNeeds) {
  FetchReport report = fetch("https://svs.gsfc.nasa.gov/31382/");
  ASSERT_TRUE(report.complete());
  EXPECT_EQ(report.title, "Bone Loss Research Aboard the ISS");
  EXPECT_EQ(report.count(DownloadResult::Fetched), 5u);  // page, 2 shows, 2 images
  EXPECT_EQ(readFile(cache.path() / "pages" / "31382.json"), mirror.content("/api/31382"));
  EXPECT_EQ(readFile(cached(kCellPng)), mirror.content(svsMediaPath(kCellPng)));
  // Neither size of the second picture covers the 3x3 canvas: the larger one is taken.
  EXPECT_EQ(readFile(cached(kCaseJpg)), mirror.content(svsMediaPath(kCaseJpg)));
  EXPECT_FALSE(fs::exists(cached(kCasePng)));
  EXPECT_TRUE(fs::exists(cached("cell-samples-jsc2025e065389-png.hwshow")));
  EXPECT_EQ(pixelOfPng(readFile(cached(kCellPng)), 5, 5), (Color{200, 30, 30}));
  for (const auto& entry : fs::recursive_directory_iterator(cache.path())) {
    EXPECT_NE(entry.path().extension(), ".part") << entry.path();
  }
}

TEST_F(Fetch, WhatWasFetchedPlaysOfflineWithoutStandIns) {
  ASSERT_TRUE(fetch().complete());
  mirror.stop();
  // Offline now: the show loads from the cached page, and every picture it
  // draws comes from the cache, as the tiler looks it up for playback.
  Playlist show =
      loadShow({"31382"}, loadWallConfig("3x3-1080p"), LocalMirror(cache.path().string()));
  MediaSourceOptions options;
  options.cacheRoot = cache.path();
  MediaSource media(options);
  int drawn = 0;
  for (const Cue& cue : show.cues) {
    if (!cue.playable) continue;
    for (const LayoutItem& item : cue.items) {
      LoadedMedia loaded = media.load(item.media);
      EXPECT_FALSE(loaded.standIn) << item.media.uri;
      ++drawn;
    }
  }
  EXPECT_EQ(drawn, 2);
}

// A real page of movies (tests/data/svs, width and height 0 in the API): the
// version and size chosen for the wall are fetched, checked as movies, and
// then time their cues offline.
// The real page's Frames folders: fetch reads each folder's listing (its
// index page, as a web server writes one) and gets the frames it names; a
// folder without a listing is a failed file naming it, and its cue stays
// skipped while the listed one plays offline.
TEST_F(Fetch, ReadsAFrameFoldersListingGetsItsFramesAndSkipsAFolderWithout) {
  const std::string frames = "/vis/a000000/a005200/a005274/frames/4096x4096_1x1_30p/";
  serveRealMoviePage();
  TestMovieSpec spec;
  spec.frames = 4;
  TempFolder made;
  fs::path sequence = makeTestFrames(made.path(), "AIA171-Slates", spec);
  std::string listing =
      "<!DOCTYPE html><html><body><a href=\"?C=N;O=D\">Name</a>"
      "<a href=\"/vis/a000000/a005200/a005274/frames/4096x4096_1x1_30p/\">Parent</a>";
  for (int i = 1; i <= 4; ++i) {
    std::string name = "AIA171-Slates.000" + std::to_string(i) + ".png";
    mirror.addFile(frames + "AIA171-Slates/" + name, readFile(sequence / name));
    listing += "<a href=\"" + name + "\">" + name + "</a>";
  }
  mirror.addFile(frames + "AIA171-Slates/", listing + "</body></html>");
  FetchReport report = fetch("5274");
  EXPECT_EQ(outcomeFor(report, "AIA171-Slates/").outcome.result, DownloadResult::Fetched);
  for (int i = 1; i <= 4; ++i) {
    const FetchedFile& frame = outcomeFor(report, "AIA171-Slates.000" + std::to_string(i) + ".png");
    EXPECT_EQ(frame.outcome.result, DownloadResult::Fetched) << frame.outcome.problem;
  }
  const FetchedFile& unlisted = outcomeFor(report, "AIA304-Slates/");
  EXPECT_EQ(unlisted.outcome.result, DownloadResult::Failed);
  EXPECT_NE(unlisted.outcome.problem.find("404"), std::string::npos) << unlisted.outcome.problem;
  mirror.stop();

  LocalMirror local(cache.path().string());
  Playlist show = loadShow({"5274"}, loadWallConfig("3x3-1080p"), local);
  probeMovies(show, local);
  auto cueOf = [&](const std::string& folder) -> const Cue& {
    for (const Cue& cue : show.cues)
      if (cue.items.at(0).media.uri.find(folder) != std::string::npos) return cue;
    throw std::runtime_error("no cue for " + folder);
  };
  const Cue& played = cueOf("/AIA171-Slates/");
  EXPECT_TRUE(played.playable) << played.skipReason;
  EXPECT_EQ(played.items[0].media.frames.size(), 4u);
  EXPECT_EQ(played.items[0].media.width, 320);  // the frames' own size, once here
  EXPECT_DOUBLE_EQ(played.durationSeconds, 4.0 / 30);
  const Cue& skipped = cueOf("/AIA304-Slates/");
  EXPECT_FALSE(skipped.playable);
  EXPECT_EQ(skipped.skipReason, "frames not fetched: no listing of AIA304-Slates/");
}

TEST_F(Fetch, GetsTheMoviesTheWallPlaysAndTheyPlayOffline) {
  const std::string vis = "/vis/a000000/a005200/a005274/";
  serveRealMoviePage();
  TestMovieSpec spec;
  spec.frames = 45;
  TempFolder made;
  std::string movie = readFile(makeTestMovie(made.path(), "m.mp4", spec));
  for (const char* filter : {"131", "171", "304"})
    mirror.addFile(vis + "20240430_AR13654M95_AIA" + std::string(filter) + "_PSF_stamped_2048p30.mp4", movie);
  mirror.addFile(vis + "20240430_AR13654M95_AIA131.PSF_2048p30.mp4", "<html>not wanted</html>");
  FetchReport report = fetch("5274");
  const FetchedFile& got = outcomeFor(report, "AIA131_PSF_stamped_2048p30.mp4");
  EXPECT_EQ(got.outcome.result, DownloadResult::Fetched) << got.outcome.problem;
  EXPECT_TRUE(mirror.requestsFor(vis + "20240430_AR13654M95_AIA131.PSF_2048p30.mp4").empty())
      << "the version not shown was fetched";
  EXPECT_TRUE(mirror.requestsFor(vis + "20240430_AR13654M95_AIA131_PSF_stamped_1024p30.mp4").empty())
      << "the size not chosen was fetched";
  mirror.stop();
  Playlist show =
      loadShow({"5274"}, loadWallConfig("3x3-1080p"), LocalMirror(cache.path().string()));
  probeMovies(show, LocalMirror(cache.path().string()));
  ASSERT_FALSE(show.cues.empty());
  EXPECT_TRUE(show.cues[0].playable) << show.cues[0].skipReason;
  EXPECT_DOUBLE_EQ(show.cues[0].durationSeconds, 1.5);  // 45 frames at 30 fps, once through
}

TEST(ContentCheck, TellsMoviesFromOtherFiles) {
  std::string mp4 = std::string("\0\0\0\x20", 4) + "ftypisom";
  std::string webm = std::string("\x1a\x45\xdf\xa3", 4) + "\x9f\x42\x86\x81\x01";
  EXPECT_EQ(contentProblem(ContentKind::Movie, "video/mp4", mp4), std::nullopt);
  EXPECT_EQ(contentProblem(ContentKind::Movie, "video/webm", webm), std::nullopt);
  EXPECT_EQ(contentProblem(ContentKind::Movie, "application/octet-stream", mp4), std::nullopt);
  EXPECT_NE(contentProblem(ContentKind::Movie, "image/png", mp4), std::nullopt);
  EXPECT_NE(contentProblem(ContentKind::Movie, "video/mp4", "\x89PNG\r\n\x1a\n"), std::nullopt);
  EXPECT_NE(contentProblem(ContentKind::Movie, "", "<!DOCTYPE html><html>"), std::nullopt);
}

TEST_F(Fetch, ASecondRunOnlyAsksWhetherFilesChanged) {
  ASSERT_TRUE(fetch().complete());
  FetchReport again = fetch();
  EXPECT_EQ(again.count(DownloadResult::UpToDate), 5u);
  std::vector<SeenRequest> asked = mirror.requestsFor(svsMediaPath(kCellPng));
  ASSERT_EQ(asked.size(), 2u);
  EXPECT_EQ(asked[0].ifNoneMatch, "");
  EXPECT_FALSE(asked[1].ifNoneMatch.empty());
  EXPECT_EQ(asked[1].status, 304);
  for (const FetchedFile& f : again.files) EXPECT_EQ(f.outcome.bytes, 0u) << f.job.name;
}

TEST_F(Fetch, ResumesAFileWhoseConnectionDroppedHalfway) {
  mirror.setFault(svsMediaPath(kCaseJpg), Fault::DropOnce);
  FetchReport report = fetch();
  ASSERT_TRUE(report.complete());
  EXPECT_EQ(readFile(cached(kCaseJpg)), mirror.content(svsMediaPath(kCaseJpg)));
  std::vector<SeenRequest> asked = mirror.requestsFor(svsMediaPath(kCaseJpg));
  ASSERT_EQ(asked.size(), 2u);
  std::size_t half = mirror.content(svsMediaPath(kCaseJpg)).size() / 2;
  EXPECT_EQ(asked[1].range, "bytes=" + std::to_string(half) + "-");
  EXPECT_EQ(outcomeFor(report, kCaseJpg).outcome.attempts, 2);
}

TEST_F(Fetch, RetriesServerErrors) {
  mirror.setFault(svsMediaPath(kCellPng), Fault::FailTwice);
  FetchReport report = fetch();
  ASSERT_TRUE(report.complete());
  EXPECT_EQ(outcomeFor(report, kCellPng).outcome.attempts, 3);
  EXPECT_EQ(readFile(cached(kCellPng)), mirror.content(svsMediaPath(kCellPng)));
}

TEST_F(Fetch, FollowsRedirectsButStoresUnderThePagesAddress) {
  mirror.setFault(svsMediaPath(kCellPng), Fault::Redirect);
  ASSERT_TRUE(fetch().complete());
  EXPECT_EQ(readFile(cached(kCellPng)), mirror.content(svsMediaPath(kCellPng)));
}

struct BrokenFile {
  const char* name;  // the test's name
  Fault fault;
  const char* problem;
};

void PrintTo(const BrokenFile& broken, std::ostream* out) { *out << broken.name; }

class FetchBrokenFile : public Fetch, public ::testing::WithParamInterface<BrokenFile> {};

TEST_P(FetchBrokenFile, IsNamedAndLeavesNothingBehind) {
  mirror.setFault(svsMediaPath(kCellPng), GetParam().fault);
  FetchReport report = fetch();
  EXPECT_FALSE(report.complete());
  const FetchedFile& broken = outcomeFor(report, kCellPng);
  EXPECT_EQ(broken.outcome.result, DownloadResult::Failed);
  EXPECT_NE(broken.outcome.problem.find(GetParam().problem), std::string::npos)
      << broken.outcome.problem;
  EXPECT_FALSE(fs::exists(cached(kCellPng)));
  EXPECT_EQ(report.count(DownloadResult::Fetched), 4u);  // the others are unaffected
  EXPECT_EQ(readFile(cached(kCaseJpg)), mirror.content(svsMediaPath(kCaseJpg)));
}

INSTANTIATE_TEST_SUITE_P(
    Each, FetchBrokenFile,
    ::testing::Values(BrokenFile{"Missing", Fault::Always404, "HTTP 404 Not Found"},
                      BrokenFile{"ServerError", Fault::Always500, "HTTP 500"},
                      BrokenFile{"ShortBody", Fault::WrongLength, "transfer closed"},
                      BrokenFile{"HtmlPage", Fault::HtmlPage, "HTML page"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(Fetch, WithoutTheServerTheCachedShowStaysAndTheMissingFilesAreNamed) {
  mirror.setFault(svsMediaPath(kCaseJpg), Fault::Always404);
  EXPECT_FALSE(fetch().complete());
  mirror.stop();
  FetchReport offline = fetch();
  EXPECT_EQ(offline.title, "Bone Loss Research Aboard the ISS");  // from the cached page
  EXPECT_EQ(offline.count(DownloadResult::KeptCached), 4u);
  const FetchedFile& missing = outcomeFor(offline, kCaseJpg);
  EXPECT_EQ(missing.outcome.result, DownloadResult::Failed);
  EXPECT_EQ(missing.outcome.problem, "Connection refused");
}

TEST_F(Fetch, TheCommandSummarisesAndExitsOneWhenFilesAreMissing) {
  CommandResult ok = runFetch();
  ASSERT_EQ(ok.exitStatus, 0) << ok.err;
  EXPECT_NE(
      ok.out.find("page 31382 \"Bone Loss Research Aboard the ISS\" for wall 3x3-1080p: 5 files"),
      std::string::npos)
      << ok.out;
  EXPECT_NE(ok.out.find("  fetched      5"), std::string::npos) << ok.out;
  EXPECT_NE(ok.err.find("[media 2/2] fetched https://svs.gsfc.nasa.gov/vis/"), std::string::npos)
      << ok.err;  // progress: one line per file when stderr is not a terminal

  CommandResult again = runFetch();
  EXPECT_EQ(again.exitStatus, 0);
  EXPECT_NE(again.out.find("  up to date   5"), std::string::npos) << again.out;

  mirror.setFault(svsMediaPath(kCellPng), Fault::Always404);
  fs::remove(cached(kCellPng));
  CommandResult missing = runFetch();
  EXPECT_EQ(missing.exitStatus, 1);
  EXPECT_NE(
      missing.err.find("hyperwall: missing https://svs.gsfc.nasa.gov" + svsMediaPath(kCellPng) +
                       " (from " + mirror.url() + svsMediaPath(kCellPng) + "): HTTP 404 Not Found"),
      std::string::npos)
      << missing.err;
}

TEST_F(Fetch, TheCommandRefusesBadPagesAndUrlsWithExitTwo) {
  CommandResult badPage =
      runCommand({HYPERWALL_EXE, "fetch", "not-a-page", "--cache", cache.path().string()});
  EXPECT_EQ(badPage.exitStatus, 2);
  EXPECT_NE(badPage.err.find("not-a-page: not an SVS page id or URL"), std::string::npos);
  CommandResult badBase = runFetch({"--base-url", "ftp://mirror"});
  EXPECT_EQ(badBase.exitStatus, 2);
  EXPECT_TRUE(mirror.requestsFor("/api/31382").empty());
}

TEST(SvsPageAddress, RewritesSvsAddressesToTheMirrorOnly) {
  EXPECT_EQ(viaBaseUrl("https://svs.gsfc.nasa.gov/vis/a.png", "http://127.0.0.1:9/"),
            "http://127.0.0.1:9/vis/a.png");
  EXPECT_EQ(viaBaseUrl("https://svs.gsfc.nasa.gov.evil.org/a.png", "http://m"),
            "https://svs.gsfc.nasa.gov.evil.org/a.png");
}

TEST(ContentCheck, RefusesWhatIsNotTheFileAsked) {
  std::string png = solidPngBytes(2, 2, {});
  EXPECT_EQ(contentProblem(ContentKind::Image, "image/png", png), std::nullopt);
  EXPECT_NE(contentProblem(ContentKind::Image, "text/plain", png), std::nullopt);
  EXPECT_NE(contentProblem(ContentKind::Image, "image/png", "GIF"), std::nullopt);
  EXPECT_NE(contentProblem(ContentKind::Image, "", "  <html><body>"), std::nullopt);
  EXPECT_EQ(contentProblem(ContentKind::PageJson, "application/json", " {\"id\": 1}"),
            std::nullopt);
  EXPECT_NE(contentProblem(ContentKind::PageJson, "application/json", "[1]"), std::nullopt);
  EXPECT_NE(contentProblem(ContentKind::Show, "", std::string("ab\0c", 4)), std::nullopt);
}

}  // namespace
}  // namespace hw::test
