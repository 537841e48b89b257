#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "hwshow/LoadContext.h"
#include "hwshow/Playlist.h"
#include "hwshow/ShowPaths.h"

namespace hw {

// Appends what entry `pointer` of a .hwshow's "cues" contributes to `into`:
// one cue ("media" or "layout"), or every cue of an SVS page ("svs") or of
// another .hwshow ("include"). `defaults` are the file's cue defaults.
void readCueEntry(const nlohmann::json& entry, const std::string& pointer, const ShowOrigin& origin,
                  const CueDefaults& defaults, LoadContext& context, Playlist& into);

}  // namespace hw
