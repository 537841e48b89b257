#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/net/ShowState.h"

namespace hw {

// The wire and state-file form of the show state (docs/protocol.md).
// Decoding is strict: anything malformed throws InputError naming `origin`
// and the JSON pointer.
nlohmann::json showStateToJson(const ShowState& state);
ShowState showStateFromJson(const nlohmann::json& value, const std::string& origin);

}  // namespace hw
