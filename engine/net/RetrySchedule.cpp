#include "engine/net/RetrySchedule.h"

#include <algorithm>

namespace hw {

double RetrySchedule::delayAfter(int failures) const {
  if (failures <= 0) return 0;
  double delay = first;
  for (int i = 1; i < failures && delay < most; ++i) delay *= 2;
  return std::min(delay, most);
}

}  // namespace hw
