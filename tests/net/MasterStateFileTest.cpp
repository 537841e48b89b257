#include <gtest/gtest.h>

#include "config/InputError.h"
#include "engine/net/LocalTime.h"
#include "engine/net/MasterStateFile.h"
#include "tests/support/TempFolder.h"

namespace hw {
namespace {

using test::TempFolder;

MasterStateFile pausedBlankAfterALoad() {
  MasterStateFile file;
  file.showId = "abc123";
  file.startSources = {"/shows/first"};
  file.loadedSource = "/shows/second.hwshow";
  file.overlay = "blank";
  file.state.sequence = 7;
  file.state.base = {PlaybackMode::Paused, 1, 100.5, 104.25, -1};
  file.state.pending = {{PlaybackCommand::Kind::Resume, 200, -1}};
  return file;
}

TEST(MasterStateFile, WhatIsWrittenReadsBackWhole) {
  TempFolder folder;
  std::string path = folder / "master-state.json";
  pausedBlankAfterALoad().write(path);
  auto read = MasterStateFile::read(path);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->showId, "abc123");
  EXPECT_EQ(read->startSources, std::vector<std::string>{"/shows/first"});
  EXPECT_EQ(read->loadedSource, "/shows/second.hwshow");
  EXPECT_EQ(read->overlay, "blank");
  EXPECT_EQ(read->state.sequence, 7u);
  EXPECT_EQ(read->state.base.mode, PlaybackMode::Paused);
  EXPECT_DOUBLE_EQ(read->state.base.pausedAt, 104.25);
  ASSERT_EQ(read->state.pending.size(), 1u);
  EXPECT_EQ(read->state.pending[0].kind, PlaybackCommand::Kind::Resume);
}

TEST(MasterStateFile, AnOlderFileIsTheCommandLinesShowWithNoOverlayAndNoFileIsNone) {
  TempFolder folder;
  EXPECT_FALSE(MasterStateFile::read(folder / "absent.json"));
  std::string path = folder.write(
      "old.json", R"({"show": "abc", "state": {"sequence": 3, "base": {"mode": "playing",
      "cue": 0, "cue_start": 10, "paused_at": 0, "from_cue": -1}, "pending": []}})");
  auto read = MasterStateFile::read(path);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->overlay, "none");
  EXPECT_EQ(read->loadedSource, "");
  EXPECT_EQ(loadedShowToResume(read, {"/shows/first"}), "");
}

TEST(MasterStateFile, ABadFileIsRefusedNamingTheField) {
  TempFolder folder;
  std::string path =
      folder.write("bad.json", R"({"show": "abc", "overlay": "sparkles", "state": {"sequence": 3,
      "base": {"mode": "playing", "cue": 0, "cue_start": 10, "paused_at": 0, "from_cue": -1},
      "pending": []}})");
  try {
    MasterStateFile::read(path);
    FAIL() << "accepted overlay \"sparkles\"";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "/overlay");
    EXPECT_EQ(e.file(), path);
  }
}

TEST(MasterStateFile, ALoadIsResumedOnlyOnTheCommandLineItWasMadeOn) {
  std::optional<MasterStateFile> saved = pausedBlankAfterALoad();
  EXPECT_EQ(loadedShowToResume(saved, {"/shows/first"}), "/shows/second.hwshow");
  EXPECT_EQ(loadedShowToResume(saved, {"/shows/other"}), "") << "the operator chose another show";
  EXPECT_EQ(loadedShowToResume(std::nullopt, {"/shows/first"}), "");
}

TEST(LocalTime, TimeOfDayRoundsOnceAndKeepsItsDigits) {
  setenv("TZ", "UTC", 1);
  tzset();
  EXPECT_EQ(localTimeOfDay(1764340931.44, 1), "14:42:11.4");
  EXPECT_EQ(localTimeOfDay(1764340931.96, 1), "14:42:12.0");  // not 14:42:11.10
  EXPECT_EQ(localTimeOfDay(1764340931.0071, 3), "14:42:11.007");
  EXPECT_EQ(localTimeOfDay(1764340931.6, 0), "14:42:12");
}

}  // namespace
}  // namespace hw
