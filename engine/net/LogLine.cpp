#include "engine/net/LogLine.h"

#include <iostream>
#include <mutex>
#include <stdexcept>

#include "engine/net/HostClock.h"
#include "engine/net/LocalTime.h"

namespace hw {
namespace {

std::mutex tapMutex;   // guards `installed`, and calls to it
LogTap::Tap installed;

}  // namespace

void logLine(const std::string& who, const std::string& text) {
  double at = realtimeSeconds();
  std::string clock = localTimeOfDay(at, 3);
  std::string line = clock + " " + who + ": " + text + "\n";
  std::cerr.write(line.data(), static_cast<std::streamsize>(line.size()));
  std::cerr.flush();
  std::lock_guard lock(tapMutex);
  if (installed) installed(at, clock, who, text);
}

LogTap::LogTap(Tap tap) {
  std::lock_guard lock(tapMutex);
  if (installed) throw std::logic_error("a LogTap is already installed");
  installed = std::move(tap);
}

LogTap::~LogTap() {
  std::lock_guard lock(tapMutex);
  installed = nullptr;
}

}  // namespace hw
