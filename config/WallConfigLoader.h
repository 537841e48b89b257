#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "config/WallConfig.h"

namespace hw {

// `--wall NAME` picks a built-in preset; anything else is read as a wall file.
// Throws InputError naming the file and the JSON pointer of a bad field.
WallConfig loadWallConfig(const std::string& presetOrPath);

// Validates one wall document; `file` is used in error messages.
WallConfig parseWallConfig(const nlohmann::json& document, const std::string& file);

// The wall document that describes `config` (round-trips through parseWallConfig).
nlohmann::json wallConfigToJson(const WallConfig& config);

std::vector<std::string> wallPresetNames();

// The preset's JSON text, or "" when there is no such preset.
std::string wallPresetText(const std::string& name);

}  // namespace hw
