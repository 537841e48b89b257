// Opening hours: the schedule file's checks, and the calendar's answer to
// "what should the wall do at t, and when does that change" across day
// boundaries, closed days and both DST changes (Europe/Berlin, 2026: clocks
// go forward 29 March 02:00 -> 03:00, back 25 October 03:00 -> 02:00).
#include <gtest/gtest.h>

#include <fstream>
#include <vector>

#include "config/InputError.h"
#include "config/ScheduleCalendar.h"
#include "config/WallScheduleLoader.h"
#include "tests/support/TempFolder.h"

namespace hw {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

// An instant written in UTC.
SysSeconds utc(int year, unsigned month, unsigned day, int hour, int minute) {
  return std::chrono::sys_days{std::chrono::year(year) / std::chrono::month(month) /
                               std::chrono::day(day)} +
         hours(hour) + minutes(minute);
}

class WallScheduleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* show : {"day.hwshow", "night.hwshow"}) std::ofstream(folder_ / show) << "{}";
  }

  WallSchedule parse(const nlohmann::json& document) {
    return parseWallSchedule(document, "schedule.json", folder_.path().string());
  }

  // The InputError text parsing `document` gives; "" when it parses.
  std::string errorOf(const nlohmann::json& document) {
    try {
      parse(document);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }

  static nlohmann::json slot(const char* from, const char* to, const char* show = "day.hwshow") {
    return {{"from", from}, {"to", to}, {"show", show}};
  }

  test::TempFolder folder_;
};

TEST_F(WallScheduleTest, ReadsSlotsPerWeekdayWithShowsBesideTheFile) {
  WallSchedule s =
      parse({{"time_zone", "Europe/Berlin"},
             {"week",
              {{"monday", {slot("09:00", "13:00"), slot("13:00", "24:00", "night.hwshow")}},
               {"sunday", nlohmann::json::array()}}}});
  EXPECT_EQ(s.timeZone, "Europe/Berlin");
  ASSERT_EQ(s.week[0].size(), 2u);
  EXPECT_EQ(s.week[0][0].fromMinute, 9 * 60);
  EXPECT_EQ(s.week[0][1].toMinute, 24 * 60);
  EXPECT_EQ(s.week[0][1].show, (folder_.path() / "night.hwshow").string());
  EXPECT_EQ(s.week[0][1].showGiven, "night.hwshow");
  for (int day = 1; day < 7; ++day) EXPECT_TRUE(s.week[day].empty()) << weekdayName(day);
}

TEST_F(WallScheduleTest, BadFieldsAreOneLineErrorsNamingFileAndField) {
  // A vector, not a json: `json day = {slot}` is that slot under clang and
  // an array of it under GCC.
  auto week = [](std::vector<nlohmann::json> slots) {
    return nlohmann::json{{"monday", nlohmann::json(slots)}};
  };
  struct Case {
    nlohmann::json document;
    std::string expected;
  };
  std::vector<Case> cases{
      {{{"time_zone", "Mars/Olympus"}, {"week", week({slot("09:00", "10:00")})}},
       "schedule.json: /time_zone: unknown time zone \"Mars/Olympus\""},
      {{{"time_zone", "UTC"}, {"week", week({slot("9:00", "10:00")})}},
       "schedule.json: /week/monday/0/from: \"9:00\" is not a time of day"},
      {{{"time_zone", "UTC"}, {"week", week({slot("24:00", "24:00")})}},
       "schedule.json: /week/monday/0/from: \"24:00\" is not a time of day"},
      {{{"time_zone", "UTC"}, {"week", week({slot("09:60", "10:00")})}},
       "schedule.json: /week/monday/0/from: \"09:60\""},
      {{{"time_zone", "UTC"}, {"week", week({slot("22:00", "02:00")})}},
       "schedule.json: /week/monday/0/to: 02:00 is not after from 22:00: a slot past midnight "
       "is two"},
      {{{"time_zone", "UTC"}, {"week", week({slot("09:00", "12:00"), slot("11:00", "13:00")})}},
       "schedule.json: /week/monday/1/from: 11:00 is before the end of the slot above (12:00)"},
      {{{"time_zone", "UTC"}, {"week", week({slot("09:00", "10:00", "gone.hwshow")})}},
       "schedule.json: /week/monday/0/show: no such show \"gone.hwshow\""},
      {{{"time_zone", "UTC"}, {"week", {{"mondy", nlohmann::json::array()}}}},
       "schedule.json: /week/mondy: unknown field \"mondy\" (did you mean \"monday\"?)"},
      {{{"time_zone", "UTC"}, {"week", week({{{"from", "09:00"}, {"to", "10:00"}}})}},
       "schedule.json: /week/monday/0/show: required field is missing"},
      {{{"time_zone", "UTC"}}, "schedule.json: /week: required field is missing"},
  };
  for (const Case& c : cases) {
    std::string error = errorOf(c.document);
    EXPECT_EQ(error.rfind(c.expected, 0), 0u) << "got: " << error << "\nwanted: " << c.expected;
    EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  }
}

TEST(WallScheduleExample, TheExampleScheduleReadsWithItsShows) {
  WallSchedule s = loadWallSchedule(HYPERWALL_SOURCE_DIR "/examples/schedule.json");
  EXPECT_EQ(s.timeZone, "Europe/Berlin");
  EXPECT_TRUE(s.week[0].empty());  // closed on Mondays
  ASSERT_EQ(s.week[3].size(), 2u);
  EXPECT_EQ(s.week[3][1].showGiven, "mabl-b/mabl-b.hwshow");
}

TEST_F(WallScheduleTest, AFileThatIsNotJsonSaysWhere) {
  std::ofstream(folder_ / "schedule.json") << "{\"week\": ";
  try {
    loadWallSchedule(folder_ / "schedule.json");
    FAIL() << "parsed";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("schedule.json: 1:"), std::string::npos) << e.what();
  }
}

// Every day of the week the same slots.
nlohmann::json everyDay(const nlohmann::json& slots) {
  nlohmann::json week = nlohmann::json::object();
  for (int day = 0; day < 7; ++day) week[weekdayName(day)] = slots;
  return week;
}

TEST_F(WallScheduleTest, ClosedBeforeOpeningOpenInASlotAndTheNextChangeCrossesMidnight) {
  ScheduleCalendar calendar(parse(
      {{"time_zone", "Europe/Berlin"},
       {"week", everyDay({slot("09:00", "13:00"), slot("13:00", "18:00", "night.hwshow")})}}));
  // 2026-06-01 is a Monday; Berlin is UTC+2 in summer.
  ScheduleMoment early = calendar.at(utc(2026, 6, 1, 6, 0));  // 08:00 local
  EXPECT_FALSE(early.open);
  ASSERT_TRUE(early.nextChange);
  EXPECT_EQ(*early.nextChange, utc(2026, 6, 1, 7, 0));
  ASSERT_NE(early.nextSlot, nullptr);
  EXPECT_EQ(early.nextSlot->showGiven, "day.hwshow");

  ScheduleMoment opening = calendar.at(utc(2026, 6, 1, 7, 0));  // 09:00 sharp: open
  ASSERT_TRUE(opening.open);
  EXPECT_EQ(opening.open->slot->showGiven, "day.hwshow");
  EXPECT_EQ(*opening.nextChange, utc(2026, 6, 1, 11, 0));
  EXPECT_EQ(opening.nextSlot->showGiven, "night.hwshow");

  ScheduleMoment afternoon = calendar.at(utc(2026, 6, 1, 15, 59));
  ASSERT_TRUE(afternoon.open);
  EXPECT_EQ(afternoon.open->slot->showGiven, "night.hwshow");
  EXPECT_EQ(*afternoon.nextChange, utc(2026, 6, 1, 16, 0));
  EXPECT_EQ(afternoon.nextSlot, nullptr);  // closes

  ScheduleMoment night = calendar.at(utc(2026, 6, 1, 21, 30));  // 23:30 local
  EXPECT_FALSE(night.open);
  EXPECT_EQ(*night.nextChange, utc(2026, 6, 2, 7, 0));  // tomorrow 09:00
  EXPECT_EQ(calendar.weekdayOf(utc(2026, 6, 1, 21, 30)), 0);
  EXPECT_EQ(calendar.weekdayOf(utc(2026, 6, 1, 22, 30)), 1);  // 00:30 Tuesday local
}

TEST_F(WallScheduleTest, ClosedDaysAreSkippedAndAClosedWeekHasNoNextChange) {
  ScheduleCalendar calendar(
      parse({{"time_zone", "UTC"}, {"week", {{"wednesday", {slot("10:00", "11:00")}}}}}));
  // Thursday 2026-06-04 12:00: next opening is Wednesday 2026-06-10.
  ScheduleMoment moment = calendar.at(utc(2026, 6, 4, 12, 0));
  EXPECT_FALSE(moment.open);
  EXPECT_EQ(*moment.nextChange, utc(2026, 6, 10, 10, 0));

  ScheduleCalendar closed(parse({{"time_zone", "UTC"}, {"week", nlohmann::json::object()}}));
  ScheduleMoment never = closed.at(utc(2026, 6, 4, 12, 0));
  EXPECT_FALSE(never.open);
  EXPECT_FALSE(never.nextChange);
}

TEST_F(WallScheduleTest,
       ASlotPastMidnightWrittenAsTwoPlaysAsOneAndARunAcrossMidnightsKeepsItsStart) {
  ScheduleCalendar calendar(
      parse({{"time_zone", "UTC"},
             {"week",
              {{"friday", {slot("20:00", "24:00", "night.hwshow")}},
               {"saturday", {slot("00:00", "02:00", "night.hwshow"), slot("10:00", "12:00")}}}}}));
  // Friday 2026-06-05 23:59: the show goes on past midnight, no change then.
  ScheduleMoment late = calendar.at(utc(2026, 6, 5, 23, 59));
  ASSERT_TRUE(late.open);
  EXPECT_EQ(late.open->start, utc(2026, 6, 5, 20, 0));
  EXPECT_EQ(*late.nextChange, utc(2026, 6, 6, 2, 0));
  EXPECT_EQ(late.nextSlot, nullptr);

  ScheduleCalendar always(parse(
      {{"time_zone", "UTC"}, {"week", everyDay(nlohmann::json::array({slot("00:00", "24:00")}))}}));
  ScheduleMoment open = always.at(utc(2026, 6, 5, 12, 0));
  EXPECT_TRUE(open.open);
  EXPECT_FALSE(open.nextChange);
  // Its start does not move from day to day: the wall is not restarted at midnight.
  EXPECT_EQ(always.at(utc(2026, 6, 8, 12, 0)).open->start, open.open->start);

  // A run across two midnights keeps the start it had, seen from any of its days.
  ScheduleCalendar weekend(
      parse({{"time_zone", "UTC"},
             {"week",
              {{"friday", {slot("20:00", "24:00", "night.hwshow")}},
               {"saturday", nlohmann::json::array({slot("00:00", "24:00", "night.hwshow")})},
               {"sunday", {slot("00:00", "02:00", "night.hwshow")}}}}}));
  EXPECT_EQ(weekend.at(utc(2026, 6, 6, 1, 0)).open->start, utc(2026, 6, 5, 20, 0));
  EXPECT_EQ(weekend.at(utc(2026, 6, 7, 1, 0)).open->start, utc(2026, 6, 5, 20, 0));
}

TEST_F(WallScheduleTest, SpringForwardASlotStartingInTheSkippedHourStartsWhenTheClocksJump) {
  ScheduleCalendar calendar(parse(
      {{"time_zone", "Europe/Berlin"},
       {"week", {{"sunday", {slot("02:30", "04:00"), slot("04:00", "05:00", "night.hwshow")}}}}}));
  // 2026-03-29: 02:00 CET (01:00 UTC) becomes 03:00 CEST; 02:30 never happens.
  ScheduleMoment before = calendar.at(utc(2026, 3, 29, 0, 59));  // 01:59 CET
  EXPECT_FALSE(before.open);
  EXPECT_EQ(*before.nextChange, utc(2026, 3, 29, 1, 0));
  ScheduleMoment jumped = calendar.at(utc(2026, 3, 29, 1, 0));  // 03:00 CEST
  ASSERT_TRUE(jumped.open);
  EXPECT_EQ(jumped.open->slot->showGiven, "day.hwshow");
  // 04:00 CEST is 02:00 UTC: the slot lasts one real hour, not an hour and a half.
  EXPECT_EQ(*jumped.nextChange, utc(2026, 3, 29, 2, 0));
  EXPECT_EQ(calendar.localText(*jumped.nextChange, "%R %Z"), "04:00 CEST");
  // The day's plan keeps both slots, the first shortened by the jump.
  std::vector<ScheduleInterval> day = calendar.dayOf(utc(2026, 3, 29, 1, 0));
  ASSERT_EQ(day.size(), 2u);
  EXPECT_EQ(day[0].end - day[0].start, hours(1));
}

TEST_F(WallScheduleTest, SpringForwardASlotEntirelyInTheSkippedHourNeverOpens) {
  ScheduleCalendar calendar(
      parse({{"time_zone", "Europe/Berlin"}, {"week", {{"sunday", {slot("02:00", "02:45")}}}}}));
  ScheduleMoment moment = calendar.at(utc(2026, 3, 29, 0, 30));
  EXPECT_FALSE(moment.open);
  // Not that night: the next Sunday at 02:00 CEST (00:00 UTC).
  EXPECT_EQ(*moment.nextChange, utc(2026, 4, 5, 0, 0));
}

TEST_F(WallScheduleTest, FallBackATimeInTheRepeatedHourMeansItsFirstOccurrence) {
  ScheduleCalendar calendar(parse(
      {{"time_zone", "Europe/Berlin"},
       {"week", {{"sunday", {slot("01:00", "02:30"), slot("02:30", "04:00", "night.hwshow")}}}}}));
  // 2026-10-25: 03:00 CEST (01:00 UTC) becomes 02:00 CET; 02:30 happens at
  // 00:30 UTC (CEST) and again at 01:30 UTC (CET). The change is at the first.
  ScheduleMoment first = calendar.at(utc(2026, 10, 24, 23, 0));  // 01:00 CEST
  ASSERT_TRUE(first.open);
  EXPECT_EQ(*first.nextChange, utc(2026, 10, 25, 0, 30));
  EXPECT_EQ(calendar.localText(*first.nextChange, "%R %Z"), "02:30 CEST");
  ScheduleMoment repeated = calendar.at(utc(2026, 10, 25, 1, 30));  // 02:30 CET, the second time
  ASSERT_TRUE(repeated.open);
  EXPECT_EQ(repeated.open->slot->showGiven, "night.hwshow");  // no second change
  // 04:00 CET is 03:00 UTC: the night slot lasts two and a half real hours.
  EXPECT_EQ(*repeated.nextChange, utc(2026, 10, 25, 3, 0));
}

}  // namespace
}  // namespace hw
