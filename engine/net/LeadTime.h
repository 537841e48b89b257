#pragma once

#include <vector>

namespace hw {

// What one node says about how much warning it needs.
struct NodeReadiness {
  double prepareSeconds = 0;  // s, longest recent time to make a cue ready to present
  double roundTrip = 0;       // s, its current clock round trip to the master
  bool assetsComplete = true; // false while it is still fetching the show's files
};

struct LeadTimeBounds {
  double minimum = 0.2;   // s, never less warning than this
  double maximum = 5.0;   // s, never more: commands must still feel immediate
  double margin = 0.1;    // s, added to what the slowest node needs
  double safety = 1.5;    // factor on the slowest node's prepare time
};

// How far ahead of "now" the master schedules a change: enough for the
// slowest node to preload it, within bounds. A node still fetching files
// pushes it to the maximum so that it gets every chance to catch up.
double leadTime(const std::vector<NodeReadiness>& nodes, const LeadTimeBounds& bounds = {});

}  // namespace hw
