#pragma once

#include "config/JsonObjectReader.h"
#include "hwshow/LoadContext.h"
#include "hwshow/Playlist.h"
#include "hwshow/ShowPaths.h"

namespace hw {

// {"svs": "page.json" | 31382 | "https://svs.gsfc.nasa.gov/31382/", "duration",
// "fit", "background", "transition"}: every cue of the page, the optional keys
// overriding the file's `defaults` for them. Ids and SVS URLs are read from
// the local mirror's page cache.
void includeSvsPage(JsonObjectReader& entry, const ShowOrigin& origin, const CueDefaults& defaults,
                    LoadContext& context, Playlist& into);

// {"include": "other.hwshow"}: every cue of another show, with its own defaults.
void includeShow(JsonObjectReader& entry, const ShowOrigin& origin, LoadContext& context,
                 Playlist& into);

}  // namespace hw
