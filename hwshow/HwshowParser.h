#pragma once

#include <nlohmann/json.hpp>

#include "hwshow/LoadContext.h"
#include "hwshow/Playlist.h"
#include "hwshow/ShowPaths.h"

namespace hw {

// Reads hyperwall's own show format (docs/hwshow.md): {"hwshow": 1, "title",
// "defaults", "cues": [...]}. Strict: every error, including an unknown key
// ("did you mean"), a missing local media file, a layout region outside
// context.wall or an include cycle, is an InputError naming the file and the
// JSON pointer. Media sizes are chosen for context.wall.
Playlist parseHwshow(const nlohmann::json& document, const ShowOrigin& origin,
                     LoadContext& context);

// Reads and parses origin.file (malformed JSON: InputError with line:column).
// The caller enters origin.file into context.includes.
Playlist readHwshow(const ShowOrigin& origin, LoadContext& context);

}  // namespace hw
