#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "config/WallConfigLoader.h"
#include "engine/net/AssetCache.h"
#include "engine/net/AssetManifest.h"
#include "engine/net/DisplayMoviePreparer.h"
#include "engine/net/AssetServer.h"
#include "engine/net/AtomicFile.h"
#include "engine/net/Sha256.h"
#include "hwshow/LocalMirror.h"

namespace hw {
namespace {

namespace fs = std::filesystem;

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(Sha256::ofText(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256::ofText("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(isSha256Hex(Sha256::ofText("abc")));
  EXPECT_FALSE(isSha256Hex("../../etc/passwd"));
  EXPECT_FALSE(isSha256Hex(std::string(64, 'A')));
}

class AssetFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("hw-asset-test-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  fs::path dir_;
};

LayoutItem itemFor(const std::string& uri, Region region = {}) {
  LayoutItem item;
  item.media.uri = uri;
  item.region = region;
  return item;
}

TEST_F(AssetFiles, CollectHashesLocalFilesOnceAndRewritesTheirUris) {
  std::string a = write("a.png", "first image");
  std::string b = write("b.png", "second image");
  std::string sameAsA = write("copy-of-a.png", "first image");
  Playlist playlist;
  playlist.cues.resize(3);
  playlist.cues[0].items = {itemFor(b)};
  playlist.cues[1].items = {itemFor(a), itemFor("https://svs.gsfc.nasa.gov/x.jpg")};
  playlist.cues[2].items = {itemFor(sameAsA), itemFor("file://" + b)};
  AssetManifest manifest = collectAssets(playlist, LocalMirror((dir_ / "mirror").string()));
  ASSERT_EQ(manifest.entries.size(), 2u);
  EXPECT_EQ(manifest.entries[0].sha256, Sha256::ofText("second image"));  // first used first
  EXPECT_EQ(manifest.entries[0].size, 12u);
  EXPECT_EQ(manifest.entries[0].name, "b.png");
  EXPECT_EQ(playlist.cues[1].items[0].media.uri, "asset:" + Sha256::ofText("first image"));
  EXPECT_EQ(playlist.cues[1].items[1].media.uri, "https://svs.gsfc.nasa.gov/x.jpg");
  EXPECT_EQ(playlist.cues[2].items[0].media.uri, playlist.cues[1].items[0].media.uri);
  EXPECT_EQ(playlist.cues[2].items[1].media.uri, playlist.cues[0].items[0].media.uri);

  AssetManifest onNode = manifestFromJson(manifestToJson(manifest), "master");
  ASSERT_EQ(onNode.entries.size(), 2u);
  EXPECT_EQ(onNode.entries[1].sha256, manifest.entries[1].sha256);
  EXPECT_EQ(onNode.entries[1].path, "");  // the master's paths never leave it
}

TEST_F(AssetFiles, AUrlIsServedFromTheMastersMirrorCopyOrLeftAsAUrl) {
  LocalMirror mirror((dir_ / "mirror").string());
  const std::string mirrored = "https://svs.gsfc.nasa.gov/vis/a.jpg";
  fs::create_directories(fs::path(*mirror.mediaPath(mirrored)).parent_path());
  std::ofstream(*mirror.mediaPath(mirrored), std::ios::binary) << "mirrored bytes";
  Playlist playlist;
  playlist.cues.resize(1);
  playlist.cues[0].items = {itemFor(mirrored), itemFor("https://svs.gsfc.nasa.gov/vis/b.jpg")};
  AssetManifest manifest = collectAssets(playlist, mirror);
  ASSERT_EQ(manifest.entries.size(), 1u);
  EXPECT_EQ(manifest.entries[0].sha256, Sha256::ofText("mirrored bytes"));
  EXPECT_EQ(manifest.entries[0].path, *mirror.mediaPath(mirrored));
  EXPECT_EQ(playlist.cues[0].items[0].media.uri, "asset:" + Sha256::ofText("mirrored bytes"));
  // No copy here: nodes get the URL and show a stand-in, never fetching it.
  EXPECT_EQ(playlist.cues[0].items[1].media.uri, "https://svs.gsfc.nasa.gov/vis/b.jpg");
}

TEST_F(AssetFiles, MissingFileIsNamed) {
  Playlist playlist;
  playlist.cues.resize(1);
  playlist.cues[0].items = {itemFor((dir_ / "gone.png").string())};
  try {
    collectAssets(playlist, LocalMirror((dir_ / "mirror").string()));
    FAIL() << "a missing file was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("gone.png: cannot open"), std::string::npos) << e.what();
  }
}

// Photos are megabytes: curl hands them over in many pieces, and every piece
// must land after the one before (a 200 once restarted the file at its second).
TEST_F(AssetFiles, AFileOfManyPiecesIsFetchedWholeOverRealHttp) {
  std::mt19937 random(7);
  std::string bytes(3u << 20, '\0');
  for (char& c : bytes) c = static_cast<char>(random());
  std::string path = write("photo.bin", bytes);
  AssetEntry entry{Sha256::ofFile(path), bytes.size(), "photo.bin", path};
  AssetServer server(AssetManifest{{entry}}, "key");
  int port = 0;
  for (int attempt = 0; port == 0; ++attempt) {
    try {
      int candidate = 30000 + static_cast<int>(random() % 20000);
      server.start("127.0.0.1", candidate);
      port = candidate;
    } catch (const std::runtime_error&) {
      ASSERT_LT(attempt, 20) << "no free port";
    }
  }
  AssetCache cache((dir_ / "cache").string());
  std::atomic<bool> stop{false};
  cache.fetch(entry, "http://127.0.0.1:" + std::to_string(port) + "/assets/" + entry.sha256, "key",
              stop);
  EXPECT_TRUE(cache.ready(entry));
  EXPECT_EQ(Sha256::ofFile(cache.pathOf(entry.sha256)), entry.sha256);
  server.stop();
}

TEST(AssetsForDisplay, OnlyItemsCoveringTheDisplay) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  Playlist playlist;
  playlist.cues.resize(2);
  playlist.cues[0].items = {itemFor("asset:aa"), itemFor("asset:bb", {2, 0, 1, 1})};
  playlist.cues[1].items = {itemFor("asset:cc", {1, 1, 0, 0}), itemFor("asset:aa")};
  EXPECT_EQ(assetsForDisplay(playlist, wall, 0, 0), (std::vector<std::string>{"aa"}));
  EXPECT_EQ(assetsForDisplay(playlist, wall, 2, 0), (std::vector<std::string>{"aa", "bb"}));
  EXPECT_EQ(assetsForDisplay(playlist, wall, 2, 2), (std::vector<std::string>{"aa", "cc"}));
}

// A display with its own movie of a cue needs that one file of the cue: the
// source is what the master cut it from, not what the node plays.
TEST(AssetsForDisplay, ADisplayMovieInsteadOfTheCuesSource) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  Playlist playlist;
  playlist.cues.resize(2);
  playlist.cues[0].items = {itemFor("asset:source")};
  playlist.cues[0].displayMovies = {{"r0c0", "asset:own00"}, {"r1c1", "asset:own11"}};
  playlist.cues[1].items = {itemFor("asset:still")};
  EXPECT_EQ(assetsForDisplay(playlist, wall, 0, 0), (std::vector<std::string>{"own00", "still"}));
  EXPECT_EQ(assetsForDisplay(playlist, wall, 1, 1), (std::vector<std::string>{"own11", "still"}));
  EXPECT_EQ(assetsForDisplay(playlist, wall, 2, 2), (std::vector<std::string>{"source", "still"}))
      << "a display without one cuts the source";
}

// Whether a node is spared a movie is its pixel rate against the wall's
// budget; where its cut is cached changes with all that changes a display's
// picture, and with nothing else.
TEST(DisplayMovies, AMovieAboveTheNodesBudgetIsCutAndKeyedByWhatShapesTheCut) {
  WallConfig wall = loadWallConfig("3x3-1080p");
  Cue cue;
  LayoutItem item;
  item.media.kind = MediaKind::Movie;
  item.media.width = 3840;
  item.media.height = 2160;
  item.media.movie = {{30, 1}, 300};  // 249 Mpx/s
  cue.items = {item};
  EXPECT_FALSE(wantsDisplayMovies(cue, wall)) << "4K30 is within the default 250 Mpx/s";
  cue.items[0].media.width = 5760;
  cue.items[0].media.height = 3240;  // 560 Mpx/s
  EXPECT_TRUE(wantsDisplayMovies(cue, wall));
  Cue withAnImage = cue;
  withAnImage.items.push_back(itemFor("asset:still"));
  EXPECT_FALSE(wantsDisplayMovies(withAnImage, wall)) << "only a cue of one movie";
  WallConfig generous = wall;
  generous.nodeDecodeMpxPerSecond = 600;
  EXPECT_FALSE(wantsDisplayMovies(cue, generous));

  std::string key = displayMoviesKey(cue, wall, "aaaa");
  WallConfig renamed = wall;
  renamed.name = "lobby";
  renamed.key = "another key entirely";
  renamed.master = "10.0.0.1";
  renamed.nodes[0].host = "wall-pc-7";
  renamed.nodes[1].audio = true;
  EXPECT_EQ(displayMoviesKey(cue, renamed, "aaaa"), key) << "names, hosts and speakers are not geometry";
  EXPECT_EQ(displayMoviesKey(cue, generous, "aaaa"), key);
  EXPECT_NE(displayMoviesKey(cue, wall, "bbbb"), key) << "another source";
  WallConfig wider = wall;
  wider.bezelMm.left = 5;
  EXPECT_NE(displayMoviesKey(cue, wider, "aaaa"), key) << "other bezels";
  Cue filled = cue;
  filled.items[0].fit = FitMode::Fill;
  EXPECT_NE(displayMoviesKey(filled, wall, "aaaa"), key) << "another fit";
  Cue red = cue;
  red.background = {255, 0, 0};
  EXPECT_NE(displayMoviesKey(red, wall, "aaaa"), key) << "another background";
}

TEST_F(AssetFiles, AtomicWriteReplacesWholeFilesAndLeavesNoTemp) {
  std::string path = (dir_ / "sub" / "state.json").string();
  writeFileAtomically(path, "one");
  writeFileAtomically(path, "two");
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(text, "two");
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_ / "sub")) ++files;
  EXPECT_EQ(files, 1);
}

}  // namespace
}  // namespace hw
