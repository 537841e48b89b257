#pragma once

#include <string>

namespace hw {

// "14:02:11.4": the time of day of `unixSeconds` in this host's time zone,
// with `decimals` (0..3) digits of the second, as an operator reads a clock.
std::string localTimeOfDay(double unixSeconds, int decimals);

}  // namespace hw
