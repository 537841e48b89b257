#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "config/WallSchedule.h"

namespace hw {

// Reads a schedule file (docs/schedule.md). Throws InputError naming the file
// and the JSON pointer of a bad field: an unknown time zone, a time that is
// not HH:MM, slots out of order or overlapping, a show that does not exist.
WallSchedule loadWallSchedule(const std::string& path);

// Validates one schedule document; show paths are relative to `folder`.
WallSchedule parseWallSchedule(const nlohmann::json& document, const std::string& file,
                               const std::string& folder);

}  // namespace hw
