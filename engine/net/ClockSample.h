#pragma once

namespace hw {

// One request/reply clock exchange. t1 and t4 are read on the node's local
// clock, t2 and t3 on the master's; all in seconds.
struct ClockSample {
  double t1 = 0;  // s, node clock when the request left
  double t2 = 0;  // s, master clock when the request arrived
  double t3 = 0;  // s, master clock when the reply left
  double t4 = 0;  // s, node clock when the reply arrived

  // Master minus node, assuming the path is symmetric.
  double offset() const { return ((t2 - t1) + (t3 - t4)) / 2; }
  // Time on the wire both ways, without the master's turnaround.
  double roundTrip() const { return (t4 - t1) - (t3 - t2); }
  // The node time the offset is best attributed to.
  double localMidpoint() const { return (t1 + t4) / 2; }
};

}  // namespace hw
