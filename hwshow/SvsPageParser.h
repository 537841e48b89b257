#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "hwshow/LoadContext.h"
#include "hwshow/Playlist.h"

namespace hw {

// Maps an SVS page (the JSON of https://svs.gsfc.nasa.gov/api/<id>) to cues:
// each media group with images becomes one whole-wall cue, its size chosen
// for the wall's canvas; movies become unplayable movie cues; "Basic text"
// groups become notes on the cues before and after them; everything else is
// skipped with a warning. Pages are lenient input: nulls, missing fields and
// unknown widgets never throw. Only a document that is not a JSON object is
// an InputError. `file` names the page in warnings and Cue::origin; cues take
// their duration, fit, background and transition from `defaults`.
Playlist parseSvsPage(const nlohmann::json& page, const std::string& file,
                      const CueDefaults& defaults, LoadContext& context);

// Reads the page at `path` (malformed JSON is an InputError with line:column).
// The caller enters `path` into context.includes.
Playlist readSvsPageFile(const std::string& path, const CueDefaults& defaults,
                         LoadContext& context);

}  // namespace hw
