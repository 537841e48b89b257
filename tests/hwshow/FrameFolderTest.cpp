#include <gtest/gtest.h>

#include "hwshow/FrameFolder.h"
#include "hwshow/HwshowParser.h"
#include "hwshow/HwshowWriter.h"
#include "hwshow/ShowPaths.h"
#include "tests/hwshow/ShowTestSupport.h"
#include "tests/support/TempFolder.h"

namespace hw {
namespace {

using test::load;
using test::loadError;

const std::string kFrames = "https://svs.gsfc.nasa.gov/vis/a000000/a005200/a005274/frames/";

TEST(FrameFolder, SizeAndRateFromTheFolderNamesSvsWrites) {
  SvsMovieName wide = readFrameFolderName(kFrames + "5760x3240_16x9_30p/NAME/");
  EXPECT_EQ(wide.width, 5760);
  EXPECT_EQ(wide.height, 3240);
  EXPECT_EQ(wide.rate, (FrameRate{30, 1}));
  SvsMovieName square = readFrameFolderName(kFrames + "4096x4096_1x1_30p/AIA131-Frames.PSF/");
  EXPECT_EQ(square.width, 4096);
  EXPECT_EQ(square.height, 4096);
  EXPECT_EQ(square.rate, (FrameRate{30, 1}));
  EXPECT_EQ(readFrameFolderName("/shows/frames/3840x2160_16x9_60p/x").rate, (FrameRate{60, 1}));
  EXPECT_EQ(readFrameFolderName("/shows/sequence_2997p/").rate, (FrameRate{}));  // not a rate tag
  SvsMovieName nothing = readFrameFolderName("https://example.org/frames/");
  EXPECT_EQ(nothing.width, 0);
  EXPECT_FALSE(nothing.rate.known());
  EXPECT_EQ(uriFileName(kFrames + "4096x4096_1x1_30p/AIA131-Frames.PSF/"), "AIA131-Frames.PSF/");
}

TEST(FrameFolder, NumberedImagesAreFrames) {
  for (const char* name : {"NAME.0001.png", "frame_12.jpg", "a-7.JPEG", "0007.png", "f0001.png"})
    EXPECT_TRUE(isNumberedFrame(name)) << name;
  for (const char* name : {"NAME.0001.txt", "poster.png", "NAME.png", "v2.png", "index.html", ""})
    EXPECT_FALSE(isNumberedFrame(name)) << name;
}

// An index page as Apache writes one: sort links, the parent, a sub-folder,
// other files, and the frames out of order, relative and absolute.
TEST(FrameFolder, AListingGivesTheFramesOfItsFolderInOrder) {
  const std::string folder = kFrames + "4096x4096_1x1_30p/AIA131-Time.PSF/";
  const std::string html = R"(<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">
<html><head><title>Index of /AIA131-Time.PSF</title></head><body>
<table><tr><th><a href="?C=N;O=D">Name</a></th><th><a HREF='?C=M;O=A'>Last modified</a></th></tr>
<tr><td><a href="/vis/a000000/a005200/a005274/frames/4096x4096_1x1_30p/">Parent Directory</a></td></tr>
<tr><td><a href="../">Up</a></td></tr>
<tr><td><a href="sub/">sub/</a></td></tr>
<tr><td><a href="AIA131-Time.PSF.0010.png">AIA131-Time.PSF.0010.png</a></td></tr>
<tr><td><a href="AIA131-Time.PSF.0002.png">AIA131-Time.PSF.0002.png</a></td></tr>
<tr><td><a href="/vis/a000000/a005200/a005274/frames/4096x4096_1x1_30p/AIA131-Time.PSF/AIA131-Time.PSF.0001.png">x</a></td></tr>
<tr><td><a href="https://elsewhere.org/AIA131-Time.PSF.0003.png">elsewhere</a></td></tr>
<tr><td><a href="notes.txt">notes.txt</a></td><td><a href="AIA131-Time.PSF.0002.png">again</a></td></tr>
</table></body></html>)";
  EXPECT_EQ(framesInListing(html, folder),
            (std::vector<std::string>{folder + "AIA131-Time.PSF.0001.png",
                                      folder + "AIA131-Time.PSF.0002.png",
                                      folder + "AIA131-Time.PSF.0010.png"}));
  EXPECT_TRUE(framesInListing("<html>no links</html>", folder).empty());
  EXPECT_TRUE(framesInListing("<a href=", folder).empty());
}

class FramesCue : public ::testing::Test {
 protected:
  // `count` frames (7x5 PNGs) in `folder`, named NAME.0001.png ...
  void makeFrames(const std::string& folder, int count) {
    std::string name = uriFileName(folder + "/");
    name.pop_back();
    for (int i = 1; i <= count; ++i) {
      char file[32];
      std::snprintf(file, sizeof file, ".%04d.png", i);
      folder_.copy(test::kImages + "png-7x5.png", folder + "/" + name + file);
    }
  }
  test::TempFolder folder_;
};

TEST_F(FramesCue, PlaysAFolderAsAMovieAtTheRateItsNameGives) {
  makeFrames("frames/320x180_16x9_30p/seq", 12);
  folder_.write("frames/320x180_16x9_30p/seq/poster.png", "not a frame");
  std::string show = folder_.write("show.hwshow", R"({"hwshow": 1, "cues": [
      {"frames": "frames/320x180_16x9_30p/seq", "loops": 2, "fit": "fill"},
      {"frames": "frames/320x180_16x9_30p/seq/", "fps": "25", "duration": 3}]})");
  Playlist p = load({show});
  ASSERT_EQ(p.cues.size(), 2u);
  const MediaRef& media = p.cues[0].items.at(0).media;
  EXPECT_TRUE(media.isFrameSequence());
  EXPECT_EQ(media.kind, MediaKind::Movie);
  EXPECT_EQ(media.uri, (folder_.path() / "frames/320x180_16x9_30p/seq/").string());
  ASSERT_EQ(media.frames.size(), 12u);
  EXPECT_EQ(uriFileName(media.frames[0]), "seq.0001.png");
  EXPECT_EQ(uriFileName(media.frames[11]), "seq.0012.png");
  EXPECT_EQ(media.movie, (MovieFacts{{30, 1}, 12}));
  EXPECT_EQ(media.width, 7);  // the frames' own size wins over the folder name's
  EXPECT_EQ(media.height, 5);
  EXPECT_EQ(p.cues[0].items[0].fit, FitMode::Fill);
  EXPECT_DOUBLE_EQ(p.cues[0].durationSeconds, 0.8);  // 12 frames at 30 fps, twice
  EXPECT_EQ(p.cues[0].title, "seq/");
  EXPECT_EQ(p.cues[1].items[0].media.movie.rate, (FrameRate{25, 1}));
  EXPECT_DOUBLE_EQ(p.cues[1].durationSeconds, 3);
}

TEST_F(FramesCue, AFolderThatCannotPlayFailsTheLoadNamingIt) {
  makeFrames("seq", 3);
  folder_.write("empty/readme.txt", "no frames here");
  std::string noRate = folder_.write("a.hwshow", R"({"hwshow": 1, "cues": [{"frames": "seq"}]})");
  EXPECT_EQ(loadError({noRate}), noRate +
                                     ": /cues/0/fps: required: the folder's name gives no "
                                     "frame rate (such as _30p)");
  std::string missing =
      folder_.write("b.hwshow", R"({"hwshow": 1, "cues": [{"frames": "nowhere/", "fps": 30}]})");
  EXPECT_EQ(loadError({missing}), missing + ": /cues/0/frames: no such folder \"nowhere/\"");
  std::string empty =
      folder_.write("c.hwshow", R"({"hwshow": 1, "cues": [{"frames": "empty", "fps": 30}]})");
  EXPECT_EQ(loadError({empty}), empty +
                                    ": /cues/0/frames: no numbered frames (NAME.0001.png "
                                    "...) in \"empty/\"");
  std::string badFps =
      folder_.write("d.hwshow", R"({"hwshow": 1, "cues": [{"frames": "seq", "fps": "fast"}]})");
  EXPECT_NE(loadError({badFps}).find("/cues/0/fps: expected frames per second"), std::string::npos);
}

// How the master sends a frame sequence to its nodes: its frames as asset
// references, listed, since a node has no folder to read.
TEST_F(FramesCue, ListedFramesSurviveWritingAndReadingBack) {
  makeFrames("seq", 2);
  std::string show = folder_.write("show.hwshow", R"({"hwshow": 1, "cues": [
      {"layout": [{"media": {"folder": "seq/", "fps": "30000/1001"}, "region": {"col": 1, "row": 1}}]}]})");
  Playlist p = load({show});
  MediaRef& media = p.cues[0].items.at(0).media;
  ASSERT_EQ(media.frames.size(), 2u);
  const std::string asset = "asset:" + std::string(64, 'a');
  media.frames = {asset, asset};
  std::string written = folder_.write("node.hwshow", playlistToHwshow(p, "/").dump());
  Playlist back = load({written});
  const MediaRef& got = back.cues[0].items.at(0).media;
  EXPECT_TRUE(got.isFrameSequence());
  EXPECT_EQ(got.frames, (std::vector<std::string>{asset, asset}));
  EXPECT_EQ(got.movie, (MovieFacts{{30000, 1001}, 2}));
  EXPECT_EQ(got.width, 7);
  EXPECT_EQ(back.cues[0].items[0].region, (Region{1, 1, 0, 0}));
}

}  // namespace
}  // namespace hw
