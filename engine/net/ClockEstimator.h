#pragma once

#include <deque>

#include "engine/net/ClockEstimate.h"
#include "engine/net/ClockSample.h"

namespace hw {

struct ClockEstimatorSettings {
  int window = 256;            // exchanges kept (64 s at the steady 4 Hz)
  int binSize = 4;             // consecutive exchanges per bin; only each bin's fastest is fitted
  double noiseFloor = 10e-6;   // s, timestamping noise of even the fastest exchange (one sigma)
  double floorQuantile = 0.125;  // share of the window whose round-trip spread bounds how far
                                 // the fastest exchange may be from the path's true minimum
  double ratePrior = 200e-6;   // typical |rate| of a real clock; the fitted rate is shrunk toward 0
                               // by its standard error against this
  int minSamples = 8;          // exchanges before the estimate can be called synced
  double syncError = 250e-6;   // s, standard error at or below which the estimate is synced
  int forceSyncSamples = 32;   // exchanges after which it is synced whatever its error
  double maxRate = 1e-3;       // |rate| bound: 1000 ppm is a broken clock, not drift
  double maxRoundTrip = 1.0;   // s, exchanges slower than this carry no information
};

// Estimates the master clock from timestamped exchanges.
//
// Queueing only ever adds delay, and an exchange whose round trip exceeds
// the fastest one seen by e can misstate the offset by up to e/2 (the excess
// may sit on either leg). So: of each bin of consecutive exchanges only the
// fastest is kept (the NTP/PTP "lucky packet" filter, spread evenly in time
// so the rate sees the whole window), each kept exchange is weighted by the
// inverse of its variance (noise floor plus its excess), a line (offset and
// rate) is fitted by weighted least squares, refitted once without residual
// outliers, and the rate is shrunk toward 0 by its standard error: while the
// exchanges span a fraction of a second the rate is mostly noise, and an
// unshrunk noisy rate extrapolates worse than none.
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
