#pragma once

#include <optional>
#include <string>

namespace hw {

// A time inside a cue as operators write it: "83", "83.5", "1:23", "1:23.5" or
// "1:02:03" (seconds, M:SS or H:MM:SS; minutes and seconds after a colon are
// two digits under 60; a fraction only on the seconds). Seconds, or nullopt
// for anything else: signs, spaces, exponents, empty parts, "1:2", "1:60".
std::optional<double> parseCueTime(const std::string& text);

}  // namespace hw
