#include "engine/net/LocalTime.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace hw {

std::string localTimeOfDay(double unixSeconds, int decimals) {
  decimals = std::clamp(decimals, 0, 3);
  const double scale = std::pow(10.0, decimals);
  // Round once, on the whole value, so 11.96 s with one decimal reads 12.0, not 11.10.
  const long long ticks = std::llround(unixSeconds * scale);
  const long long perSecond = static_cast<long long>(scale);
  std::time_t whole = static_cast<std::time_t>(ticks / perSecond);
  long long fraction = ticks % perSecond;
  if (fraction < 0) {
    fraction += perSecond;
    --whole;
  }
  std::tm local{};
  localtime_r(&whole, &local);
  char text[32];
  std::size_t length = std::strftime(text, sizeof text, "%H:%M:%S", &local);
  if (decimals > 0)
    std::snprintf(text + length, sizeof text - length, ".%0*lld", decimals, fraction);
  return text;
}

}  // namespace hw
