#pragma once

#include <array>
#include <string>
#include <vector>

namespace hw {

// One time slot of a day: the wall plays `show` from `fromMinute` to `toMinute`.
struct ScheduleSlot {
  int fromMinute = 0;     // min after local midnight the slot starts, 0..1439
  int toMinute = 0;       // min after local midnight it ends, fromMinute+1..1440 (24:00)
  std::string show;       // what plays: the show's path, absolute
  std::string showGiven;  // the show as the schedule file names it, for operators
};

// The wall's opening hours (docs/schedule.md): per weekday the slots it plays,
// in the wall's time zone. Outside every slot the wall is closed (blanked).
struct WallSchedule {
  std::string file;      // where it was read from, for messages
  std::string timeZone;  // IANA zone name the times are in, e.g. "Europe/Berlin"
  std::array<std::vector<ScheduleSlot>, 7> week;  // by weekday, 0 = Monday; in order, apart
};

// "monday" .. "sunday" for weekday 0 (Monday) .. 6.
const char* weekdayName(int weekday);

// "09:30", "24:00": a minute of the day as the schedule file writes it.
std::string minuteText(int minuteOfDay);

}  // namespace hw
