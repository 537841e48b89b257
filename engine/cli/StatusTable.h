#pragma once

#include <string>

#include "engine/control/WallStatus.h"

namespace hw::cli {

// `hyperwall ctl status`: the show, the cue, the wall and one row per node.
std::string formatStatusTable(const WallStatus& status);

// One line after a command: "cue 2/7 "Title": playing, 0:42 left"; while a
// command the master scheduled is still to come, that change and its time in
// the master's local time of day: "next: cue 3/7 "Title": playing at 14:02:11.4".
std::string formatStatusLine(const WallStatus& status);

}  // namespace hw::cli
