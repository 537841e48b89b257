#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "config/WallSchedule.h"

namespace date {
class time_zone;
}

namespace hw {

using SysSeconds = std::chrono::sys_seconds;

// A slot placed on the time line: from `start` up to (not including) `end`.
struct ScheduleInterval {
  SysSeconds start;
  SysSeconds end;
  const ScheduleSlot* slot = nullptr;  // the schedule's, for its show and times
};

// What the schedule wants at one instant, and when that next changes.
struct ScheduleMoment {
  std::optional<ScheduleInterval> open;    // the slot playing now (joined with the same show
                                           // straight after it); nullopt: the wall is closed
  std::optional<SysSeconds> nextChange;    // nullopt: nothing changes for a week (closed all week)
  const ScheduleSlot* nextSlot = nullptr;  // what plays from nextChange; null: the wall closes
};

// The schedule's pure time maths in its time zone. A local time that does not
// exist (the hour skipped when clocks go forward) means the instant the clocks
// jump; one that happens twice (the hour repeated when they go back) means the
// first. A slot boundary where the same show goes on is no change.
class ScheduleCalendar {
 public:
  // Throws std::runtime_error when the schedule's time zone is unknown.
  explicit ScheduleCalendar(WallSchedule schedule);
  ScheduleCalendar(const ScheduleCalendar&) = delete;  // intervals point into schedule_
  ScheduleCalendar& operator=(const ScheduleCalendar&) = delete;

  ScheduleMoment at(SysSeconds t) const;
  // The slots of the local day holding `t`, in order, each placed on the time
  // line (a slot entirely in a skipped hour is empty: start == end).
  std::vector<ScheduleInterval> dayOf(SysSeconds t) const;
  // Weekday (0 = Monday) of the local day holding `t`.
  int weekdayOf(SysSeconds t) const;
  // `t` in the schedule's zone, strftime-like (date::format): "%F %R %Z".
  std::string localText(SysSeconds t, const char* format) const;

  const WallSchedule& schedule() const { return schedule_; }

 private:
  // The slots of local days `first` .. `first` + `days` - 1 (days since the
  // epoch), placed on the time line, joined where the same show goes on.
  std::vector<ScheduleInterval> intervals(int first, int days, bool join) const;
  int localDay(SysSeconds t) const;
  // When the day `day` (days since the epoch) starts, local midnight.
  SysSeconds dayStart(int day) const;
  // When the run of `open` began, looking back from `firstDay`; SysSeconds::min()
  // for one open for over a year.
  SysSeconds runStart(const ScheduleInterval& open, int firstDay) const;

  const WallSchedule schedule_;
  const date::time_zone* zone_;
};

// "2026-03-29T01:00:00Z": an instant in UTC as ISO 8601 writes it; nullopt
// when the text is not exactly that.
std::optional<SysSeconds> parseUtcTime(const std::string& text);

}  // namespace hw
