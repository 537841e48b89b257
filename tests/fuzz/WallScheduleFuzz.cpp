// A schedule file (config/WallScheduleLoader.h): every refusal an InputError;
// an accepted one answers "what now, and when next" at instants around the
// year (both DST changes of its zone included) with a next change after the
// instant and an open slot that holds it.
#include <cstdlib>

#include "config/InputError.h"
#include "config/JsonFile.h"
#include "config/ScheduleCalendar.h"
#include "config/WallScheduleLoader.h"
#include "tests/fuzz/FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hw;
  try {
    // Shows are looked up beside the file: "/" has folders a seed may name.
    WallSchedule schedule = parseWallSchedule(
        parseJsonText(fuzz::text(data, size), "schedule.json"), "schedule.json", "/");
    ScheduleCalendar calendar(std::move(schedule));
    SysSeconds start = std::chrono::sys_days{std::chrono::year(2026) / 1 / 1};
    for (int hour = 0; hour < 365 * 24; hour += 37) {
      SysSeconds t = start + std::chrono::hours(hour);
      ScheduleMoment moment = calendar.at(t);
      if (moment.nextChange && *moment.nextChange <= t) std::abort();
      if (moment.open && (moment.open->start > t || moment.open->end <= t)) std::abort();
      calendar.dayOf(t);
    }
  } catch (const InputError&) {
  }
  return 0;
}
