#pragma once

#include <string>

#include "engine/control/ScheduleReport.h"

namespace hw::cli {

// `hyperwall ctl schedule`: open or closed now, today's slots, the next change.
std::string formatScheduleReport(const ScheduleReport& report);

// One line for `ctl status`: "open: day.hwshow until Mon 2026-03-30 13:00 CEST (in 2:45:00)".
std::string formatScheduleLine(const ScheduleReport& report);

}  // namespace hw::cli
