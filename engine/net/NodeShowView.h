#pragma once

#include <memory>
#include <string>

#include "engine/net/AssetCache.h"
#include "engine/net/NodeFacts.h"
#include "engine/net/NodeSettings.h"

namespace hw {

// Why the node cannot show the show right now, or "" when it can.
std::string standbyReason(const NodeFacts& view, const NodeSettings& settings);

// The show with every file already in the cache pointing at it; files still
// being fetched stay "asset:<sha256>" (drawn as a placeholder).
std::shared_ptr<const Playlist> localShow(const NodeFacts& view, const AssetCache& cache);

}  // namespace hw
