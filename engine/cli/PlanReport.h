#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "config/WallConfig.h"
#include "hwshow/Playlist.h"

namespace hw {

// The plan of a show on a wall as one JSON document (format: docs/plan-json.md):
// per cue the chosen media and why, timing, layout and notes, and for every
// display the media rectangle it shows and where it lands. `hyperwall plan`
// prints it as is (--json) or as text; both come from this one document.
nlohmann::json planReport(const Playlist& playlist, const WallConfig& wall);

// The same plan, readable in a terminal.
std::string planText(const nlohmann::json& report);

}  // namespace hw
