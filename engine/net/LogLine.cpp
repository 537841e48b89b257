#include "engine/net/LogLine.h"

#include <iostream>

#include "engine/net/HostClock.h"
#include "engine/net/LocalTime.h"

namespace hw {

void logLine(const std::string& who, const std::string& text) {
  std::string line = localTimeOfDay(realtimeSeconds(), 3) + " " + who + ": " + text + "\n";
  std::cerr.write(line.data(), static_cast<std::streamsize>(line.size()));
  std::cerr.flush();
}

}  // namespace hw
