#pragma once

#include <string>

namespace hw {

// Writes "14:02:11.437 WHO: TEXT" to stderr as one write, so that lines from
// several threads never interleave: the one way master and node processes log.
// The time is the host's local time of day, to the millisecond.
void logLine(const std::string& who, const std::string& text);

}  // namespace hw
