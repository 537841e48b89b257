#pragma once

namespace hw {

// A node's own clock, the one it schedules presents on. In production it is
// the host's monotonic clock (or, with --clock system, its realtime clock,
// trusted to be the master's). For tests it can carry a simulated error, so
// one machine can check the master-clock estimate against known truth.
class NodeClock {
 public:
  enum class Source { Monotonic, Realtime };

  // `offset` s and `driftPpm` are the simulated error added to the host clock.
  NodeClock(Source source, double offset, double driftPpm);

  double now() const { return fromHost(host()); }
  double host() const;  // the host clock itself, s
  double fromHost(double hostTime) const;
  double toHost(double localTime) const;
  Source source() const { return source_; }
  bool simulated() const { return offset_ != 0 || drift_ != 0; }

 private:
  Source source_;
  double offset_;  // s
  double drift_;   // s per s
  double origin_;  // s, host time the drift is counted from
};

}  // namespace hw
