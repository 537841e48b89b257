#include <gtest/gtest.h>

#include <sstream>

#include "engine/render/InteractiveRehearsal.h"
#include "engine/render/ManualClock.h"
#include "engine/render/RenderWindow.h"
#include "engine/render/TestPatternTiles.h"
#include "engine/render/WallGridLayout.h"
#include "tests/engine/RenderFixtures.h"

namespace hw {
namespace {

const std::vector<Color> kCueColours = {
    {200, 0, 0}, {0, 200, 0}, {0, 0, 200}, {200, 200, 0}, {0, 200, 200}};

void pressKey(SDL_Keycode key) {
  SDL_Event event{};
  event.type = SDL_KEYDOWN;
  event.key.keysym.sym = key;
  ASSERT_EQ(SDL_PushEvent(&event), 1) << SDL_GetError();
}

// Keys go through the real SDL event queue of a headless window.
class InteractiveRehearsalTest : public ::testing::Test {
 protected:
  explicit InteractiveRehearsalTest(Playlist show = test::showOf(5, 10))
      : wall_(test::smallWall(2, 1)),
        show_(std::move(show)),
        tiles_(wall_, kCueColours),
        pattern_(wall_, text_),
        layout_(wall_, previewSizeForScale(wall_, 1.0)),
        clock_(100.0),
        schedule_(Timeline(timelineSpecFor(show_))),
        window_({"keys", layout_.windowSize(), true}),
        player_(window_, clock_, schedule_, show_, tiles_, layout_, {true, &pattern_}, log_) {
    schedule_.submit({PlaybackCommand::Kind::Play, 100.0});
  }

  void runWithKeys(std::initializer_list<SDL_Keycode> keys) {
    for (SDL_Keycode key : keys) pressKey(key);
    pressKey(SDLK_q);
    InteractiveRehearsal({{&window_, &player_}}, schedule_, clock_, show_, text_,
                         layout_.statusBand(), true)
        .run();
  }

  WallConfig wall_;
  Playlist show_;
  test::MadeTiles tiles_;
  TextPainter text_;
  TestPatternTiles pattern_;
  WallGridLayout layout_;
  ManualClock clock_;
  PlaybackSchedule schedule_;
  RenderWindow window_;
  std::ostringstream log_;
  Player player_;
};

TEST_F(InteractiveRehearsalTest, DigitsAndEnterGoToTheTypedCue) {
  runWithKeys({SDLK_4, SDLK_RETURN});
  PlaybackPosition at = schedule_.positionAt(101.0);
  EXPECT_EQ(at.cue, 3);
  EXPECT_DOUBLE_EQ(at.elapsed, 1.0);
}

TEST_F(InteractiveRehearsalTest, SpacePausesAndArrowsStep) {
  runWithKeys({SDLK_RIGHT, SDLK_RIGHT, SDLK_LEFT, SDLK_SPACE});
  PlaybackPosition at = schedule_.positionAt(500.0);
  EXPECT_EQ(at.cue, 1);
  EXPECT_TRUE(at.paused());
  runWithKeys({SDLK_SPACE, SDLK_HOME});
  PlaybackPosition resumed = schedule_.positionAt(101.0);
  EXPECT_EQ(resumed.cue, 0);
  EXPECT_FALSE(resumed.paused());
  EXPECT_DOUBLE_EQ(resumed.elapsed, 1.0);
}

class CrossfadingRehearsalTest : public InteractiveRehearsalTest {
 protected:
  CrossfadingRehearsalTest()
      : InteractiveRehearsalTest(test::showOf(5, 10, {TransitionType::Crossfade, 2.0})) {}
};

// The author pauses, types a cue number: the wall shows that cue, still paused.
TEST_F(CrossfadingRehearsalTest, GoingToACueWhilePausedShowsThatCue) {
  runWithKeys({SDLK_SPACE, SDLK_3, SDLK_RETURN});
  clock_.set(130.0);
  PlayerFrame frame = player_.draw();
  EXPECT_EQ(frame.position.cue, 2);
  EXPECT_TRUE(frame.position.paused());
  Image shown = window_.readPixels();
  EXPECT_TRUE(test::pixelNear(shown, 30, 18, kCueColours[2]));
  runWithKeys({SDLK_RIGHT});
  player_.draw();
  EXPECT_TRUE(test::pixelNear(window_.readPixels(), 30, 18, kCueColours[3]));
}

TEST_F(InteractiveRehearsalTest, TTogglesTheTestPattern) {
  runWithKeys({SDLK_t});
  EXPECT_TRUE(player_.showingTestPattern());
  runWithKeys({SDLK_t});
  EXPECT_FALSE(player_.showingTestPattern());
}

TEST(StatusLines, ShowCueTitleTimeLeftStateAndNotes) {
  Playlist show = test::showOf(12, 10);
  show.cues[2].title = "Ocean colour";
  show.cues[2].notes = {"mention MODIS", "pause for questions"};
  show.cues[3].title = "Sea ice";
  PlaybackPosition at;
  at.mode = PlaybackMode::Paused;
  at.cue = 2;
  at.nextCue = 3;
  at.remaining = 7.2;
  std::vector<std::string> lines = statusLines(show, at, "1", false);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NE(lines[0].find("cue 3/12"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("Ocean colour"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("0:08 left"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("paused"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("go to cue 1_"), std::string::npos) << lines[0];
  EXPECT_EQ(lines[1], "next: cue 4   Sea ice");
  EXPECT_EQ(lines[2], "mention MODIS  |  pause for questions");
  at.nextCue = -1;
  EXPECT_EQ(statusLines(show, at, "", false)[1], "next: end of show");
  EXPECT_EQ(statusLines(show, PlaybackPosition{}, "", true)[0],
            "stopped   test pattern (t: back to the show)");
}

// The rehearsal window: the wall on top, the status band below it, never over it.
TEST(StatusBand, SitsBelowTheWallWithTheNotesWrapped) {
  WallConfig wall = test::smallWall(2, 1, 160, 90);
  int band = statusBandHeight(300, kRehearsalStatusLines);
  WallGridLayout layout(wall, previewSizeForScale(wall, 1.0), band);
  WallGridLayout wallOnly(wall, previewSizeForScale(wall, 1.0));
  ASSERT_EQ(layout.places(), wallOnly.places());
  RectI place = layout.places().front();
  EXPECT_EQ(layout.windowSize().h, place.h + band);
  EXPECT_EQ(layout.statusBand(), (RectI{0, place.h, place.w, band}));

  RenderWindow window({"band", layout.windowSize(), true});
  TextPainter text;
  if (!text.available()) GTEST_SKIP() << text.problem();
  StatusLine status(text, window);
  Color wallColour{0, 160, 60};
  window.clear(wallColour);
  std::string notes;
  for (int i = 0; i < 30; ++i) notes += "a long note for the operator ";
  status.drawIn(window, {"cue 1/3   Title", "next: cue 2   Second", notes}, layout.statusBand());
  Image shown = window.readPixels();
  // Every row of the wall is untouched.
  for (int y = 0; y < place.h; ++y)
    ASSERT_TRUE(test::pixelNear(shown, place.w / 2, y, wallColour, 0)) << "row " << y;
  // The band is drawn, with ink on each of its four rows of text: the notes wrapped.
  int lineHeight = (band - 8) / kRehearsalStatusLines;
  int inkedRows = 0;
  for (int row = 0; row < kRehearsalStatusLines; ++row) {
    int ink = 0;
    for (int y = place.h + row * lineHeight; y < place.h + (row + 1) * lineHeight; ++y)
      for (int x = 0; x < place.w; ++x) ink += shown.at(x, y)[0] > 128;
    inkedRows += ink > 20;
  }
  EXPECT_EQ(inkedRows, kRehearsalStatusLines);
  EXPECT_FALSE(test::pixelNear(shown, place.w / 2, place.h + band / 2, wallColour, 0));
}

}  // namespace
}  // namespace hw
