#pragma once

#include <functional>
#include <string>

namespace hw {

// Writes "14:02:11.437 WHO: TEXT" to stderr as one write, so that lines from
// several threads never interleave: the one way master and node processes log.
// The time is the host's local time of day, to the millisecond.
void logLine(const std::string& who, const std::string& text);

// While one lives, every logLine of this process is also given to `tap`,
// with its time (s since the epoch, and as written). The master keeps its
// lines for operators this way (WallEventLog) rather than handing a log
// object to every class that writes one. One at a time.
class LogTap {
 public:
  using Tap = std::function<void(double at, const std::string& clock, const std::string& who,
                                 const std::string& text)>;
  explicit LogTap(Tap tap);
  ~LogTap();
  LogTap(const LogTap&) = delete;
  LogTap& operator=(const LogTap&) = delete;
};

}  // namespace hw
