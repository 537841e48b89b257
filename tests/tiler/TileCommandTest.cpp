#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/ChildProcess.h"
#include "tests/tiler/TilerTestSupport.h"
#include "tiler/ImageFile.h"
#include "tiler/MediaError.h"

namespace hw {
namespace {

namespace fs = std::filesystem;

test::CommandResult tile(const std::vector<std::string>& args, const test::TempFolder& folder) {
  std::vector<std::string> argv{HYPERWALL_EXE, "tile"};
  argv.insert(argv.end(), args.begin(), args.end());
  return test::runCommand(argv, {{"HYPERWALL_CACHE", (folder.path() / "cache").string()}});
}

TEST(TileCommand, WritesEveryCueAndReportsTheUnreadableImage) {
  test::TempFolder folder;
  fs::path a = folder.path() / "a.png", bad = folder.path() / "b.png", c = folder.path() / "c.jpg";
  writePngFile(test::makePhotoLike(640, 360), a);
  {  // A real PNG header (so the show loads) over pixels that are gone.
    writePngFile(test::makePhotoLike(64, 36), bad);
    std::ifstream in(bad, std::ios::binary);
    std::string header(60, '\0');
    in.read(header.data(), static_cast<std::streamsize>(header.size()));
    in.close();
    std::ofstream(bad, std::ios::binary | std::ios::trunc) << header << std::string(64, 'x');
  }
  test::writeJpegFile(test::makePhotoLike(800, 450, 4), c);
  fs::path wall = folder.path() / "small-wall.json";  // small displays keep PNG encoding quick
  std::ofstream(wall)
      << R"({"grid": {"cols": 2, "rows": 2}, "display": {"width": 320, "height": 180},
                            "panel_mm": {"width": 320, "height": 180}})";
  fs::path out = folder.path() / "out";
  auto result = tile({a.string(), bad.string(), c.string(), "--wall", wall.string(), "--out",
                      out.string(), "--preview-size", "400"},
                     folder);
  EXPECT_EQ(result.exitStatus, 1) << result.err;
  EXPECT_NE(result.err.find(bad.string()), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("cannot decode image"), std::string::npos) << result.err;
  for (const char* cue : {"cue-001", "cue-003"}) {
    for (const char* file : {"r0c0.png", "r0c1.png", "r1c0.png", "r1c1.png"}) {
      ASSERT_TRUE(fs::exists(out / cue / file)) << cue << "/" << file << "\n" << result.err;
      Image tileImage = decodeImageFile(out / cue / file);
      EXPECT_EQ(tileImage.width, 320);
      EXPECT_EQ(tileImage.height, 180);
    }
    EXPECT_EQ(decodeImageFile(out / cue / "wall.png").width, 400);  // 640 x 360 scaled
  }
  EXPECT_FALSE(fs::exists(out / "cue-002" / "wall.png"));
}

// A media file cut short inside a chunk (as a failed copy leaves it): `tile`
// used to hang with millions of libpng warnings instead of reporting it.
TEST(TileCommand, ReportsAPngCutShortInsteadOfHanging) {
  test::TempFolder folder;
  fs::path good = folder.path() / "good.png", cut = folder.path() / "cut.png";
  writePngFile(test::makePhotoLike(64, 36), good);
  std::ifstream in(good, std::ios::binary);
  std::string head(33, '\0');  // signature and IHDR
  in.read(head.data(), 33);
  std::ofstream(cut, std::ios::binary) << head << std::string("\0\0\x10\0tEXt", 8);
  auto result = tile(
      {cut.string(), "--wall", "2x2-1080p", "--out", (folder.path() / "out").string()}, folder);
  EXPECT_EQ(result.exitStatus, 1) << result.err;
  EXPECT_NE(result.err.find(cut.string() + ": cannot decode image"), std::string::npos)
      << result.err;
  EXPECT_THROW(decodeImageFile(cut), MediaError);
}

TEST(TileCommand, BundledShowOnTheNineScreenWall) {
  test::TempFolder folder;
  fs::path out = folder.path() / "out";
  auto result = tile({std::string(HYPERWALL_SOURCE_DIR) + "/examples/mabl-b/mabl-b.hwshow",
                      "--wall", "3x3-1080p", "--out", out.string()},
                     folder);
  ASSERT_EQ(result.exitStatus, 0) << result.err;
  EXPECT_NE(result.err.find("stand-in"), std::string::npos) << result.err;
  int cues = 0;
  for (const auto& entry : fs::directory_iterator(out)) {
    ++cues;
    int files = 0;
    for (const auto& file : fs::directory_iterator(entry.path())) files += file.is_regular_file();
    EXPECT_EQ(files, 10) << entry.path();  // nine tiles and wall.png
    EXPECT_TRUE(fs::exists(entry.path() / "r2c2.png"));
    EXPECT_TRUE(fs::exists(entry.path() / "wall.png"));
  }
  EXPECT_GE(cues, 2);
  EXPECT_TRUE(fs::exists(out / "cue-001" / "r0c0.png"));
}

TEST(TileCommand, UsageAndBadInputExitTwo) {
  test::TempFolder folder;
  auto help = tile({"--help"}, folder);
  EXPECT_EQ(help.exitStatus, 0);
  EXPECT_NE(help.out.find("cue-001/r0c2.png"), std::string::npos) << help.out;
  EXPECT_EQ(tile({"x.png"}, folder).exitStatus, 2);  // no --out
  auto wall = tile({"x.png", "--wall", "9x9-nope", "--out", folder.path().string()}, folder);
  EXPECT_EQ(wall.exitStatus, 2);
  EXPECT_NE(wall.err.find("hyperwall: "), std::string::npos) << wall.err;
  auto show =
      tile({(folder.path() / "missing.hwshow").string(), "--out", folder.path().string()}, folder);
  EXPECT_EQ(show.exitStatus, 2) << show.err;
  EXPECT_NE(show.err.find("missing.hwshow"), std::string::npos) << show.err;
}

}  // namespace
}  // namespace hw
