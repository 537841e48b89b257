#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/JsonObjectReader.h"
#include "config/WallConfig.h"
#include "hwshow/Playlist.h"

namespace hw {

// Readers of the small value types of a .hwshow, each with the fallback used
// when the key is absent; a wrong value is an InputError at its JSON pointer.

// "fit" | "fill" | "stretch" | "native"
FitMode readFit(JsonObjectReader& object, const std::string& key, FitMode fallback);
// A name ("center", "top-left", ...) or {"x": 0..1, "y": 0..1}.
Anchor readAnchor(JsonObjectReader& object, const std::string& key, Anchor fallback);
// "#rrggbb"
Color readColor(JsonObjectReader& object, const std::string& key, Color fallback);
// {"type": "cut" | "crossfade", "seconds": 0..60}; absent fields keep the fallback's.
Transition readTransition(JsonObjectReader& object, const std::string& key, Transition fallback);
// A duration in seconds, more than 0 and at most a day.
double readSeconds(JsonObjectReader& object, const std::string& key, double fallback);
// A string or an array of strings.
std::vector<std::string> readStrings(JsonObjectReader& object, const std::string& key);
// {"col", "row", "cols", "rows"}, checked to lie inside `wall`.
Region readRegion(JsonObjectReader& object, const std::string& key, const WallConfig& wall);

// The spellings the writer uses, read back by the functions above.
std::string fitName(FitMode fit);
// "fit", "fill", "stretch" or "native"; nullopt for anything else.
std::optional<FitMode> fitFromName(const std::string& name);
std::string colorText(Color color);
std::string transitionTypeName(TransitionType type);
// "top-left" for {0, 0}, ...; "" when the anchor has no name.
std::string anchorName(Anchor anchor);

}  // namespace hw
