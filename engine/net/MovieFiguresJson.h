#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "engine/render/MovieFigures.h"

namespace hw {

// node_status's "movie" (docs/protocol.md): the frame 0-based, as MovieClock counts.
nlohmann::json movieFiguresToJson(const MovieFigures& figures);
// A node's "movie" as the master keeps it: nullopt unless it is an object
// whose fields all have their type and lie in range, so a hostile or broken
// node's numbers never reach an operator (the rest of its status still counts).
std::optional<MovieFigures> movieFiguresFromJson(const nlohmann::json& movie);

}  // namespace hw
