#include <gtest/gtest.h>

#include "engine/control/CommandLogLine.h"

namespace hw {
namespace {

TEST(CommandLogLine, NamesWhoAskedByTheirClientAndAddress) {
  EXPECT_EQ(requesterOf("hyperwall-ctl/0.1.0", "", "10.0.0.5"), "ctl 10.0.0.5");
  EXPECT_EQ(requesterOf("Mozilla/5.0 (X11)", "web remote", "10.0.0.23"), "web 10.0.0.23");
  EXPECT_EQ(requesterOf("curl/7.88.1", "", "10.0.0.9"), "api 10.0.0.9");
  // A client cannot write a line of its own into the log through its headers.
  EXPECT_EQ(requesterOf("x", "", "10.0.0.9\nforged"), "api 10.0.0.9\\nforged");
}

TEST(CommandLogLine, SaysTheCommandAsAnOperatorWould) {
  EXPECT_EQ(commandWords("next", nlohmann::json::object()), "next");
  EXPECT_EQ(commandWords("goto", {{"cue", 3}}), "goto 3");
  EXPECT_EQ(commandWords("blank", {{"on", true}}), "blank on");
  EXPECT_EQ(commandWords("pattern", {{"on", false}}), "pattern off");
  EXPECT_EQ(commandWords("load", {{"source", "shows/b.hwshow"}}), "load shows/b.hwshow");
  EXPECT_EQ(commandWords("identify", {{"node", "r1c2"}, {"seconds", 10}}), "identify r1c2");
  EXPECT_EQ(commandWords("identify", {{"all", true}}), "identify all");
  EXPECT_EQ(commandWords("load", {{"source", "a\nb"}}), "load a\\nb");
}

TEST(CommandLogLine, TellsWhatTheWallDoesAndWhen) {
  WallStatus s;
  s.cueCount = 7;
  s.cueIndex = 1;
  s.cueTitle = "Ice";
  s.mode = PlaybackMode::Playing;
  EXPECT_EQ(commandOutcome(s), "cue 2/7 \"Ice\", playing");
  s.blank = true;
  EXPECT_EQ(commandOutcome(s), "cue 2/7 \"Ice\", playing, blanked");
  s.scheduled = ScheduledChange{2, "Sea ice", PlaybackMode::Playing, false, 0, 0.4, "14:02:11.4"};
  EXPECT_EQ(commandOutcome(s), "cue 3/7 \"Sea ice\" at 14:02:11.4");
  s.scheduled->mode = PlaybackMode::Paused;
  EXPECT_EQ(commandOutcome(s), "cue 3/7 \"Sea ice\", paused at 14:02:11.4");
  s.scheduled = ScheduledChange{-1, "", PlaybackMode::Stopped, false, 0, 0.4, "14:02:11.4"};
  EXPECT_EQ(commandOutcome(s), "stopped at 14:02:11.4");
}

}  // namespace
}  // namespace hw
