#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "config/WallConfig.h"

namespace hw {

// The .hwshow companions an SVS page lists (HyperwallShow items), in page order.
std::vector<std::string> companionShowUrls(const nlohmann::json& page);

// TEMPORARY seam until hwshow's loadShow lands: the image each media group
// shows on `wall`, chosen by hwshow/MediaChooser's rule (the smallest size
// covering the wall canvas, else the largest). Once merged this becomes
// "every http(s) MediaRef of loadShow({pageFile}, wall, mirror)".
std::vector<std::string> imageUrlsForWall(const nlohmann::json& page, const WallConfig& wall);

}  // namespace hw
