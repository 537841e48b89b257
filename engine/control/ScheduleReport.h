#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hw {

// One slot of today's opening hours, as the schedule file writes it.
struct ScheduleSlotReport {
  std::string from;  // "09:00", local time in the wall's zone
  std::string to;    // "13:00"; "24:00" = the day's end
  std::string show;  // as the schedule file names it
  bool now = false;  // true: the schedule's clock is in this slot
};

// When the schedule next changes what the wall does.
struct ScheduleNextChange {
  std::string at;        // "Mon 2026-03-30 09:00 CEST": local date and time in the wall's zone
  double inSeconds = 0;  // s from the report until then, on the schedule's clock
  std::string show;      // the show that starts then; "" = the wall closes
};

// The wall's opening hours as operators see them (ctl schedule, /api/schedule,
// the web remote, status): today's plan and the next change.
struct ScheduleReport {
  std::string file;          // the schedule file
  std::string timeZone;      // IANA zone the times are in
  std::string now;           // "Sun 2026-03-29 10:14:03 CEST": the schedule's clock, local
  bool manualClock = false;  // testing: a manual clock (--manual-schedule-clock), not the host's
  bool open = false;         // true: within opening hours now
  std::string show;          // the slot's show when open, as the file names it
  std::vector<ScheduleSlotReport> today;   // today's slots in order; empty: closed all day
  std::optional<ScheduleNextChange> next;  // nullopt: nothing changes within a week
};

nlohmann::json toJson(const ScheduleReport& report);
// Reads what toJson wrote; throws nlohmann::json::exception on a malformed document.
ScheduleReport scheduleReportFromJson(const nlohmann::json& json);

}  // namespace hw
