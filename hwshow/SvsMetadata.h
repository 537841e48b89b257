#pragma once

#include <nlohmann/json.hpp>

#include "hwshow/Playlist.h"

namespace hw {

// Title, description, credits, keywords, release date and address of an SVS
// page, decoded to plain text; missing or null fields stay empty.
ShowMetadata readSvsMetadata(const nlohmann::json& page);

}  // namespace hw
