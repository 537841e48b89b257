#pragma once

#include <deque>

#include "engine/net/ClockEstimate.h"
#include "engine/net/ClockSample.h"

namespace hw {

struct ClockEstimatorSettings {
  int window = 256;              // exchanges kept (64 s at the steady 4 Hz)
  double selectFraction = 0.25;  // share of the window, lowest round trips first, that is fitted
  int minSelected = 4;           // exchanges fitted at least (when the window has them)
  int minSamples = 6;            // exchanges before the estimate is called synced
  double minRateSpan = 1.0;      // s of local time the fitted exchanges must span to fit a rate
  double maxRate = 1e-3;         // |rate| bound: 1000 ppm is a broken clock, not drift
  double maxRoundTrip = 1.0;     // s, exchanges slower than this carry no information
};

// Estimates the master clock from timestamped exchanges. Queueing only ever
// adds delay, so the exchanges with the lowest round trip carry the least
// error: the line (offset and rate) is fitted by least squares to the
// lowest-round-trip share of a sliding window, then refitted without
// residual outliers (one-sided delay spikes that slipped through).
class ClockEstimator {
 public:
  explicit ClockEstimator(ClockEstimatorSettings settings = {});

  // Returns false (and ignores it) when the exchange is impossible or useless.
  bool add(const ClockSample& sample);
  const ClockEstimate& estimate() const { return estimate_; }
  void reset();

 private:
  void refit();

  ClockEstimatorSettings settings_;
  std::deque<ClockSample> window_;
  ClockEstimate estimate_;
};

}  // namespace hw
