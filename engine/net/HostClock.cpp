#include "engine/net/HostClock.h"

#include <time.h>

namespace hw {
namespace {

double readClock(clockid_t id) {
  timespec ts{};
  clock_gettime(id, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

double monotonicSeconds() { return readClock(CLOCK_MONOTONIC); }
double realtimeSeconds() { return readClock(CLOCK_REALTIME); }

}  // namespace hw
