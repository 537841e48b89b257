#include "config/WallSchedule.h"

#include <cstdio>

namespace hw {

const char* weekdayName(int weekday) {
  static const char* const kNames[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
  return weekday >= 0 && weekday < 7 ? kNames[weekday] : "?";
}

std::string minuteText(int minuteOfDay) {
  char text[32];
  std::snprintf(text, sizeof text, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
  return text;
}

}  // namespace hw
