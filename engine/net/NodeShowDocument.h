#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "config/WallConfig.h"
#include "hwshow/LocalMirror.h"
#include "hwshow/Playlist.h"

namespace hw {

// The show as the master sends it in the welcome: the project's own .hwshow
// document (hwshow/HwshowWriter.h), so nodes read it with the same parser as
// any show file. Each item carries only the file chosen for this wall, named
// as nodes reach it ("asset:<sha256>" after collectAssets, or an http(s) URL
// the master holds no copy of) with its size; companion references stay on
// the master.
nlohmann::json showDocumentForNodes(const Playlist& playlist);

// The node's side (hwshow/HwshowParser.h): strict, InputError naming
// `origin` and the JSON pointer. `mirror` is only ever read (a URL's local
// copy); nothing is fetched.
Playlist showFromDocument(const nlohmann::json& document, const WallConfig& wall,
                          const LocalMirror& mirror, const std::string& origin);

}  // namespace hw
