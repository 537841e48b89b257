#include "engine/net/PresentGuard.h"

#include <algorithm>

namespace hw {
namespace {

constexpr double kStandardErrors = 3;  // of the estimate: a wrong-side present ~1 in 700

}  // namespace

double presentGuard(const ClockEstimate& estimate) {
  return std::clamp(kStandardErrors * estimate.error, 0.0, kMostPresentGuard);
}

}  // namespace hw
