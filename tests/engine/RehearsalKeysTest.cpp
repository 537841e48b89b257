#include <gtest/gtest.h>

#include "engine/render/RehearsalKeys.h"

namespace hw {
namespace {

TEST(RehearsalKeys, DigitsThenEnterGoToThatCue) {
  RehearsalKeys keys;
  EXPECT_EQ(keys.press(SDLK_1).action, RehearsalAction::None);
  EXPECT_EQ(keys.press(SDLK_KP_2).action, RehearsalAction::None);
  EXPECT_EQ(keys.typed(), "12");
  RehearsalKeys::Press go = keys.press(SDLK_RETURN);
  EXPECT_EQ(go.action, RehearsalAction::GoTo);
  EXPECT_EQ(go.cue, 11);
  EXPECT_EQ(keys.typed(), "");
}

TEST(RehearsalKeys, BackspaceCorrectsAndOtherKeysCancelTheNumber) {
  RehearsalKeys keys;
  keys.press(SDLK_3);
  keys.press(SDLK_4);
  keys.press(SDLK_BACKSPACE);
  EXPECT_EQ(keys.press(SDLK_KP_ENTER).cue, 2);
  keys.press(SDLK_5);
  EXPECT_EQ(keys.press(SDLK_RIGHT).action, RehearsalAction::Next);
  EXPECT_EQ(keys.typed(), "");
  EXPECT_EQ(keys.press(SDLK_RETURN).action, RehearsalAction::None);
  keys.press(SDLK_0);
  EXPECT_EQ(keys.press(SDLK_RETURN).action, RehearsalAction::None);  // there is no cue 0
}

TEST(RehearsalKeys, EveryDocumentedKey) {
  RehearsalKeys keys;
  EXPECT_EQ(keys.press(SDLK_SPACE).action, RehearsalAction::TogglePause);
  EXPECT_EQ(keys.press(SDLK_LEFT).action, RehearsalAction::Previous);
  EXPECT_EQ(keys.press(SDLK_UP).action, RehearsalAction::Previous);
  EXPECT_EQ(keys.press(SDLK_DOWN).action, RehearsalAction::Next);
  EXPECT_EQ(keys.press(SDLK_HOME).action, RehearsalAction::First);
  EXPECT_EQ(keys.press(SDLK_t).action, RehearsalAction::TogglePattern);
  EXPECT_EQ(keys.press(SDLK_f).action, RehearsalAction::ToggleFullscreen);
  EXPECT_EQ(keys.press(SDLK_s).action, RehearsalAction::ToggleStatus);
  EXPECT_EQ(keys.press(SDLK_ESCAPE).action, RehearsalAction::Quit);
  EXPECT_EQ(keys.press(SDLK_q).action, RehearsalAction::Quit);
  EXPECT_EQ(keys.press(SDLK_x).action, RehearsalAction::None);
}

}  // namespace
}  // namespace hw
