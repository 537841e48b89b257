#include "engine/cli/ScheduleText.h"

#include <cmath>
#include <cstdio>

namespace hw::cli {
namespace {

// "2:45:00", "0:05:00": how long until the next change.
std::string hoursMinutesSeconds(double seconds) {
  long whole = std::lround(std::max(0.0, seconds));
  char text[48];
  std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", whole / 3600, whole / 60 % 60, whole % 60);
  return text;
}

std::string nextText(const ScheduleReport& r) {
  if (!r.next) return "no change within a week";
  const ScheduleNextChange& next = *r.next;
  return (next.show.empty() ? "closes" : "plays " + next.show) + " at " + next.at + " (in " +
         hoursMinutesSeconds(next.inSeconds) + ")";
}

}  // namespace

std::string formatScheduleLine(const ScheduleReport& r) {
  std::string line = r.open ? "open, playing " + r.show : std::string("closed, wall blanked");
  return line + "; next: " + nextText(r);
}

std::string formatScheduleReport(const ScheduleReport& r) {
  std::string out = "schedule " + r.file + " (" + r.timeZone + ")\n";
  out += "now      " + r.now + (r.manualClock ? " (manual clock, testing)" : "") + ": " +
         (r.open ? "open, playing " + r.show : std::string("closed, wall blanked")) + "\n";
  out += "today   ";
  if (r.today.empty()) out += " closed all day\n";
  for (std::size_t i = 0; i < r.today.size(); ++i) {
    const ScheduleSlotReport& slot = r.today[i];
    out += (i == 0 ? " " : "         ") + slot.from + "-" + slot.to + "  " + slot.show +
           (slot.now ? "  <- now" : "") + "\n";
  }
  out += "next     " + nextText(r) + "\n";
  return out;
}

}  // namespace hw::cli
