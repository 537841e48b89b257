#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/WallConfig.h"

namespace hw {

// The node of `wall` this machine drives: the active node whose `host` is one
// of `hostNames` (this machine's host name first, then its addresses) and,
// when `display` is given, whose display index it is. Host names match
// ignoring case, and a name without a domain matches the same name with one
// ("wall-3" and "wall-3.museum.lan"). Throws InputError naming `file` (the
// wall file), "/nodes" and the host when no node or several nodes match.
const NodeConfig& nodeForHost(const WallConfig& wall, const std::string& file,
                              const std::vector<std::string>& hostNames,
                              std::optional<int> display);

}  // namespace hw
