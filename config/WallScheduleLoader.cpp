#include "config/WallScheduleLoader.h"

#include <date/tz.h>

#include <filesystem>

#include "config/InputError.h"
#include "config/JsonFile.h"
#include "config/JsonObjectReader.h"

namespace hw {
namespace {

namespace fs = std::filesystem;

// "HH:MM" as minutes after midnight; "24:00" only where `endOfDay` allows it.
int readMinute(JsonObjectReader& slot, const std::string& key, bool endOfDay) {
  std::string text = slot.string(key);
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  bool shaped = text.size() == 5 && text[2] == ':' && digit(text[0]) && digit(text[1]) &&
                digit(text[3]) && digit(text[4]);
  int hours = shaped ? (text[0] - '0') * 10 + (text[1] - '0') : -1;
  int minutes = shaped ? (text[3] - '0') * 10 + (text[4] - '0') : -1;
  bool valid = shaped && minutes < 60 && (hours < 24 || (endOfDay && hours == 24 && minutes == 0));
  if (!valid)
    slot.fail(key, "\"" + text + "\" is not a time of day: write HH:MM, 00:00 to 23:59" +
                       (endOfDay ? " or 24:00 for the day's end" : ""));
  return hours * 60 + minutes;
}

std::string readTimeZone(JsonObjectReader& schedule) {
  if (!schedule.has("time_zone")) {
    try {
      return std::string(date::current_zone()->name());
    } catch (const std::exception& e) {
      schedule.fail("time_zone", std::string("missing, and this host's time zone is unknown (") +
                                     e.what() + "): name one, like \"Europe/Berlin\"");
    }
  }
  std::string zone = schedule.string("time_zone");
  try {
    date::locate_zone(zone);
  } catch (const std::exception&) {
    schedule.fail("time_zone", "unknown time zone \"" + zone +
                                   "\": use an IANA name from /usr/share/zoneinfo, like "
                                   "\"Europe/Berlin\" or \"America/New_York\"");
  }
  return zone;
}

std::vector<ScheduleSlot> readDay(const nlohmann::json& list, const JsonObjectReader& week,
                                  const std::string& day, const fs::path& folder) {
  std::vector<ScheduleSlot> slots;
  for (std::size_t i = 0; i < list.size(); ++i) {
    JsonObjectReader entry(list[i], week.file(), week.pointerTo(day) + "/" + std::to_string(i));
    ScheduleSlot slot;
    slot.fromMinute = readMinute(entry, "from", false);
    slot.toMinute = readMinute(entry, "to", true);
    if (slot.toMinute <= slot.fromMinute)
      entry.fail("to", minuteText(slot.toMinute) + " is not after from " +
                           minuteText(slot.fromMinute) +
                           ": a slot past midnight is two, one to 24:00 and one from 00:00 the "
                           "next day with the same show (they play as one)");
    slot.showGiven = entry.string("show");
    fs::path show =
        fs::path(slot.showGiven).is_absolute() ? fs::path(slot.showGiven) : folder / slot.showGiven;
    std::error_code error;
    if (slot.showGiven.empty() || !fs::exists(show, error))
      entry.fail("show", "no such show \"" + slot.showGiven + "\" (" + show.string() +
                             "; relative paths start at the schedule file's folder)");
    slot.show = fs::absolute(show).lexically_normal().string();
    entry.rejectUnknownKeys();
    if (!slots.empty() && slot.fromMinute < slots.back().toMinute)
      entry.fail("from", minuteText(slot.fromMinute) + " is before the end of the slot above (" +
                             minuteText(slots.back().toMinute) +
                             "): list a day's slots in order, without overlaps");
    slots.push_back(std::move(slot));
  }
  return slots;
}

}  // namespace

WallSchedule parseWallSchedule(const nlohmann::json& document, const std::string& file,
                               const std::string& folder) {
  JsonObjectReader reader(document, file, "");
  WallSchedule schedule;
  schedule.file = file;
  schedule.timeZone = readTimeZone(reader);
  JsonObjectReader week = reader.object("week");
  for (int day = 0; day < 7; ++day)
    schedule.week[day] = readDay(week.array(weekdayName(day)), week, weekdayName(day), folder);
  week.rejectUnknownKeys();
  reader.rejectUnknownKeys();
  return schedule;
}

WallSchedule loadWallSchedule(const std::string& path) {
  return parseWallSchedule(readJsonFile(path), path, fs::absolute(path).parent_path().string());
}

}  // namespace hw
