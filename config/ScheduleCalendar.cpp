#include "config/ScheduleCalendar.h"

#include <date/tz.h>

#include <sstream>

namespace hw {
namespace {

constexpr int kDaysAhead = 8;   // days looked ahead for the next change: a week and today
constexpr int kDaysBack = 366;  // days looked back for the start of a run open across midnights

}  // namespace

ScheduleCalendar::ScheduleCalendar(WallSchedule schedule)
    : schedule_(std::move(schedule)), zone_(date::locate_zone(schedule_.timeZone)) {}

int ScheduleCalendar::localDay(SysSeconds t) const {
  auto local = zone_->to_local(t);
  return static_cast<int>(date::floor<date::days>(local).time_since_epoch().count());
}

int ScheduleCalendar::weekdayOf(SysSeconds t) const {
  date::local_days day{date::days(localDay(t))};
  return static_cast<int>(date::weekday(day).iso_encoding()) - 1;
}

std::vector<ScheduleInterval> ScheduleCalendar::intervals(int first, int days, bool join) const {
  std::vector<ScheduleInterval> placed;
  for (int d = first; d < first + days; ++d) {
    date::local_days day{date::days(d)};
    int weekday = static_cast<int>(date::weekday(day).iso_encoding()) - 1;
    for (const ScheduleSlot& slot : schedule_.week[weekday]) {
      auto instant = [&](int minute) {
        return date::floor<std::chrono::seconds>(
            zone_->to_sys(day + std::chrono::minutes(minute), date::choose::earliest));
      };
      ScheduleInterval interval{instant(slot.fromMinute), instant(slot.toMinute), &slot};
      if (join && interval.start >= interval.end) continue;
      if (join && !placed.empty() && placed.back().end == interval.start &&
          placed.back().slot->show == slot.show) {
        placed.back().end = interval.end;
        continue;
      }
      placed.push_back(interval);
    }
  }
  return placed;
}

ScheduleMoment ScheduleCalendar::at(SysSeconds t) const {
  int today = localDay(t);
  std::vector<ScheduleInterval> placed = intervals(today - 1, kDaysAhead + 1, true);
  SysSeconds horizon = dayStart(today + kDaysAhead);
  ScheduleMoment moment;
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const ScheduleInterval& interval = placed[i];
    if (interval.end <= t) continue;
    if (interval.start <= t) {
      moment.open = interval;
      if (interval.end < horizon) {
        moment.nextChange = interval.end;
        if (i + 1 < placed.size() && placed[i + 1].start == interval.end)
          moment.nextSlot = placed[i + 1].slot;
      }
    } else {
      moment.nextChange = interval.start;
      moment.nextSlot = interval.slot;
    }
    break;
  }
  if (moment.open) moment.open->start = runStart(*moment.open, today - 1);
  return moment;
}

SysSeconds ScheduleCalendar::runStart(const ScheduleInterval& open, int firstDay) const {
  // The interval was cut where the days looked at begin: a run open across
  // midnights started when the days before say, so that its start, which
  // tells one run from the next, does not move as the days go by.
  SysSeconds start = open.start;
  for (int day = firstDay; start == dayStart(day); --day) {
    if (day <= firstDay - kDaysBack) return SysSeconds::min();  // open for a year and more
    std::vector<ScheduleInterval> before = intervals(day - 1, 1, true);
    if (before.empty() || before.back().end != start || before.back().slot->show != open.slot->show)
      break;
    start = before.back().start;
  }
  return start;
}

SysSeconds ScheduleCalendar::dayStart(int day) const {
  return date::floor<std::chrono::seconds>(
      zone_->to_sys(date::local_days{date::days(day)}, date::choose::earliest));
}

std::vector<ScheduleInterval> ScheduleCalendar::dayOf(SysSeconds t) const {
  return intervals(localDay(t), 1, false);
}

std::string ScheduleCalendar::localText(SysSeconds t, const char* format) const {
  return date::format(format, date::make_zoned(zone_, t));
}

std::optional<SysSeconds> parseUtcTime(const std::string& text) {
  std::istringstream in(text);
  SysSeconds t;
  in >> date::parse("%Y-%m-%dT%H:%M:%SZ", t);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return t;
}

}  // namespace hw
