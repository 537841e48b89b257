#include <gtest/gtest.h>

#include <sstream>

#include "engine/render/InteractiveRehearsal.h"
#include "engine/render/ManualClock.h"
#include "engine/render/TestPatternTiles.h"
#include "engine/render/WallGridLayout.h"
#include "tests/engine/RenderFixtures.h"

namespace hw {
namespace {

void pressKey(SDL_Keycode key) {
  SDL_Event event{};
  event.type = SDL_KEYDOWN;
  event.key.keysym.sym = key;
  ASSERT_EQ(SDL_PushEvent(&event), 1) << SDL_GetError();
}

// Keys go through the real SDL event queue of a headless window.
class InteractiveRehearsalTest : public ::testing::Test {
 protected:
  InteractiveRehearsalTest()
      : wall_(test::smallWall(2, 1)),
        show_(test::showOf(5, 10)),
        tiles_(wall_),
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
    InteractiveRehearsal({{&window_, &player_}}, schedule_, clock_, show_, text_, true).run();
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
  PlaybackPosition at;
  at.mode = PlaybackMode::Paused;
  at.cue = 2;
  at.remaining = 7.2;
  std::vector<std::string> lines = statusLines(show, at, "1", false);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find("cue 3/12"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("Ocean colour"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("0:08 left"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("paused"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("go to cue 1_"), std::string::npos) << lines[0];
  EXPECT_EQ(lines[1], "mention MODIS  |  pause for questions");
  EXPECT_EQ(statusLines(show, PlaybackPosition{}, "", true)[0],
            "stopped   test pattern (t: back to the show)");
}

}  // namespace
}  // namespace hw
