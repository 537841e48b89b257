#include "engine/net/RefusalLog.h"

namespace hw {

std::vector<std::string> RefusalLog::refuse(const std::string& line, double now) {
  std::vector<std::string> lines;
  if (written_ == 0 || now >= windowStart_ + kWindowSeconds) {
    if (auto told = flush(now)) lines.push_back(*told);
    windowStart_ = now;
    written_ = 0;
  }
  if (written_ < kLinesPerWindow) {
    ++written_;
    lines.push_back(line);
  } else {
    ++suppressed_;
  }
  return lines;
}

std::optional<std::string> RefusalLog::flush(double now) {
  if (suppressed_ == 0 || now < windowStart_ + kWindowSeconds) return std::nullopt;
  std::string line = std::to_string(suppressed_) + " more refusal" + (suppressed_ == 1 ? "" : "s") +
                     " in " + std::to_string(static_cast<int>(kWindowSeconds)) +
                     " s suppressed (at most " + std::to_string(kLinesPerWindow) + " lines per " +
                     std::to_string(static_cast<int>(kWindowSeconds)) + " s)";
  suppressed_ = 0;
  return line;
}

std::optional<double> RefusalLog::flushDue() const {
  if (suppressed_ == 0) return std::nullopt;
  return windowStart_ + kWindowSeconds;
}

}  // namespace hw
