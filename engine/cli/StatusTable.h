#pragma once

#include <string>

#include "engine/control/WallStatus.h"

namespace hw::cli {

// `hyperwall ctl status`: the show, the cue, the wall and one row per node.
std::string formatStatusTable(const WallStatus& status);

// One line after a command: "cue 2/7 "Title": playing, 0:42 left".
std::string formatStatusLine(const WallStatus& status);

}  // namespace hw::cli
