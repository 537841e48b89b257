#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hw {

// One cue change as the nodes reported presenting it.
struct CueChangeRecord {
  int cue = -1;                     // playlist cue shown from this change (-1 = standby)
  double scheduled = 0;             // s, master time the change was scheduled for
  std::map<std::string, double> presented;      // node id -> s, master time (node's estimate)
  std::map<std::string, double> presentedTrue;  // node id -> s, true master time (simulation only)

  // s, latest minus earliest present over the nodes that reported; 0 for one node.
  double skew() const;
  // The same against the simulated truth, when every reporting node knew it.
  std::optional<double> trueSkew() const;
};

// Groups present reports by cue change. Nodes compute the change time from
// the same state with the same arithmetic, but a long loop's floating-point
// rounding may differ in the last bits, so reports within `tolerance` of a
// change's time join it.
class SkewTracker {
 public:
  explicit SkewTracker(std::size_t keep = 1000, double tolerance = 1e-3)
      : keep_(keep), tolerance_(tolerance) {}

  void record(const std::string& node, int cue, double scheduled, double presented,
              std::optional<double> presentedTrue);
  const std::deque<CueChangeRecord>& changes() const { return changes_; }

 private:
  std::size_t keep_;   // changes remembered, oldest dropped first
  double tolerance_;   // s
  std::deque<CueChangeRecord> changes_;
};

}  // namespace hw
