#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hw {

// The master's lines about peers it refuses before they prove they have the
// wall key. Such a peer can be refused as fast as it can connect, so the lines
// are rate-limited: in each window the first kLinesPerWindow refusals are
// written, the rest counted and told in one line when the window is over.
// Pure: the caller passes the time and writes what it gets.
class RefusalLog {
 public:
  static constexpr int kLinesPerWindow = 10;      // lines of refusals written per window
  static constexpr double kWindowSeconds = 10.0;  // s, length of a window

  // What to write for a refusal told by `line` at `now` (s, monotonic): the
  // line, after the count of an earlier window's suppressed ones; nothing once
  // this window has had its lines.
  std::vector<std::string> refuse(const std::string& line, double now);
  // The count of suppressed refusals once their window is over at `now`.
  std::optional<std::string> flush(double now);
  // When flush() will have a line (s, monotonic); nullopt while none is suppressed.
  std::optional<double> flushDue() const;

 private:
  double windowStart_ = 0;
  int written_ = 0;               // refusal lines written in this window
  std::uint64_t suppressed_ = 0;  // refusals not written in this window
};

}  // namespace hw
