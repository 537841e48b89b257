#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace hw {

// One line of the wall's log as an operator reads it: who asked what and
// what the wall then did, a node's error, a refusal (docs/api.md, "Log").
struct WallEvent {
  std::uint64_t seq = 0;  // 1 for the first event since the master started, then one more each
  double at = 0;          // s since the Unix epoch, when it happened
  std::string clock;      // the master's local time of day then, "14:02:11.437"
  std::string text;       // the line, one line, already safe to show
};

// The last kKept events, for `ctl log` and the web remote's log panel.
// Thread-safe: written by every thread that logs, read by HTTP threads.
class WallEventLog {
 public:
  static constexpr std::size_t kKept = 500;  // events held; older ones are dropped

  void record(double at, std::string clock, std::string text);
  // The events after `seq` (0: all kept), oldest first, at most `limit`.
  std::vector<WallEvent> after(std::uint64_t seq, std::size_t limit = kKept) const;

 private:
  mutable std::mutex mutex_;
  std::deque<WallEvent> events_;
  std::uint64_t last_ = 0;
};

}  // namespace hw
