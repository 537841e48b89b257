#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "engine/render/SoundFigures.h"

namespace hw {

// node_status's "sound" (docs/protocol.md).
nlohmann::json soundFiguresToJson(const SoundFigures& figures);
// A node's "sound" as the master keeps it: nullopt unless it is an object
// whose fields all have their type and lie in range, so a hostile or broken
// node's numbers never reach an operator.
std::optional<SoundFigures> soundFiguresFromJson(const nlohmann::json& sound);

}  // namespace hw
