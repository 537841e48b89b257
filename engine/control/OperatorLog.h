#pragma once

#include <functional>
#include <string>

#include "engine/control/WallEventLog.h"

namespace hw {

// Where the control API writes who asked what ("next by web 10.0.0.23: cue
// 3/7 ..."), and the log it serves back at GET /api/log.
struct OperatorLog {
  std::function<void(const std::string& line)> write;  // one line to the wall's log ({}: none)
  const WallEventLog* events = nullptr;                // the lines kept (null: no log to serve)
};

}  // namespace hw
