#include "engine/net/LeadTime.h"

#include <algorithm>

namespace hw {

double leadTime(const std::vector<NodeReadiness>& nodes, const LeadTimeBounds& bounds) {
  double needed = 0;
  for (const auto& node : nodes) {
    if (!node.assetsComplete) return bounds.maximum;
    // The state message takes about half a round trip to arrive; allow a few.
    needed = std::max(needed, bounds.safety * node.prepareSeconds + 2 * node.roundTrip);
  }
  return std::clamp(needed + bounds.margin, bounds.minimum, bounds.maximum);
}

}  // namespace hw
