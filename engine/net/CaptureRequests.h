#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

namespace hw {

// The master asks for the picture a node's display shows at master time `at`
// (docs/protocol.md, "capture").
struct CaptureRequest {
  std::uint64_t id = 0;  // the master's, echoed in the answering "frame"
  double at = 0;         // master s: the instant to capture
};

// A node's capture requests not answered yet, and which picture answers
// each: the one on the display at its instant. The present loop asks at two
// moments: before a picture scheduled at master time `t` replaces the one up
// (takeBefore(t): the one up answers every instant before t), and after it
// has brought the display up to date at master time `now` (takeUpTo(now):
// the one up answers every instant up to now; a request that arrived after
// its instant gets the first picture after it). Thread-safe: the node's
// network thread adds, its present loop takes.
class CaptureRequests {
 public:
  // Requests held at most: the master runs one capture at a time, so more
  // are a broken or hostile master; the oldest are dropped.
  static constexpr std::size_t kMaxPending = 8;

  // A request with an id already held is ignored.
  void add(CaptureRequest request);
  // Removes and returns the requests whose instant is before `t`.
  std::vector<CaptureRequest> takeBefore(double t);
  // Removes and returns the requests whose instant is at or before `t`.
  std::vector<CaptureRequest> takeUpTo(double t);
  // The earliest instant asked for, so the loop wakes for it.
  std::optional<double> earliest() const;

 private:
  std::vector<CaptureRequest> take(double t, bool withT);

  mutable std::mutex mutex_;             // guards pending_
  std::vector<CaptureRequest> pending_;  // in arrival order
};

}  // namespace hw
