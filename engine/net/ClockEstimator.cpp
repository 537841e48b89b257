#include "engine/net/ClockEstimator.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace hw {
namespace {

struct Point {
  double x;       // s, local midpoint
  double y;       // s, offset
  double weight;  // 1/s^2, inverse variance of y
};

struct Line {
  double reference = 0;     // s, weighted mean x
  double intercept = 0;     // s, y at reference
  double slope = 0;         // unshrunk
  double interceptVar = 0;  // s^2
  double slopeVar = 0;      // variance of slope; infinite without a spread in x
};

// Weighted least squares. Variances use the residual scatter when it is
// larger than the weights promise (the weights are a model, not a measurement).
Line fit(const std::vector<Point>& points) {
  Line line;
  double sw = 0, swx = 0, swy = 0;
  for (const auto& p : points) sw += p.weight, swx += p.weight * p.x, swy += p.weight * p.y;
  line.reference = swx / sw;
  line.intercept = swy / sw;
  double sxx = 0, sxy = 0;
  for (const auto& p : points) {
    sxx += p.weight * (p.x - line.reference) * (p.x - line.reference);
    sxy += p.weight * (p.x - line.reference) * (p.y - line.intercept);
  }
  bool withSlope = points.size() >= 3 && sxx > 0;
  if (withSlope) line.slope = sxy / sxx;
  double scale = 1;
  if (points.size() > 2) {
    double chi2 = 0;
    for (const auto& p : points) {
      double r = p.y - line.intercept - line.slope * (p.x - line.reference);
      chi2 += p.weight * r * r;
    }
    scale = std::max(1.0, chi2 / static_cast<double>(points.size() - 2));
  }
  line.interceptVar = scale / sw;
  line.slopeVar = withSlope ? scale / sxx : INFINITY;
  return line;
}

double median(std::vector<double> values) {
  std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
  return values[values.size() / 2];
}

}  // namespace

ClockEstimator::ClockEstimator(ClockEstimatorSettings settings) : settings_(settings) {}

void ClockEstimator::reset() {
  window_.clear();
  estimate_ = ClockEstimate{};
}

bool ClockEstimator::add(const ClockSample& sample) {
  double rtt = sample.roundTrip();
  if (!std::isfinite(sample.offset()) || !std::isfinite(rtt) || rtt < 0 ||
      rtt > settings_.maxRoundTrip || sample.t3 < sample.t2 || sample.t4 < sample.t1)
    return false;
  window_.push_back(sample);
  while (static_cast<int>(window_.size()) > settings_.window) window_.pop_front();
  refit();
  return true;
}

void ClockEstimator::refit() {
  const int n = static_cast<int>(window_.size());
  // Small windows keep every exchange: with a handful there is nothing to spare.
  const int bin = std::clamp(n / 8, 1, std::max(1, settings_.binSize));
  std::vector<double> roundTrips;
  for (const auto& s : window_) roundTrips.push_back(s.roundTrip());
  auto rank = std::min<std::size_t>(
      roundTrips.size() - 1,
      std::max<std::size_t>(2, static_cast<std::size_t>(settings_.floorQuantile * n)));
  std::nth_element(roundTrips.begin(), roundTrips.begin() + rank, roundTrips.end());
  const double quantile = roundTrips[rank];
  const double fastest = *std::min_element(roundTrips.begin(), roundTrips.begin() + rank + 1);
  // How far the fastest exchange itself may sit above the path's true
  // minimum is unknown; the spread of the fastest few is a fair measure, so
  // a few lucky exchanges are not trusted beyond what the path allows.
  const double unknownMinimum = rank < roundTrips.size() && n > 1 ? quantile - fastest : fastest;

  // Bins are counted back from the newest exchange, so it always competes in a full bin.
  std::vector<Point> points;
  for (int end = n; end > 0; end -= bin) {
    const ClockSample* best = nullptr;
    for (int i = std::max(0, end - bin); i < end; ++i)
      if (!best || window_[i].roundTrip() < best->roundTrip()) best = &window_[i];
    double excess = best->roundTrip() - fastest + unknownMinimum;
    // The excess lands on either leg: offset error uniform in +-excess/2.
    double variance = settings_.noiseFloor * settings_.noiseFloor + excess * excess / 12;
    points.push_back({best->localMidpoint(), best->offset(), 1 / variance});
  }

  Line line = fit(points);
  if (points.size() >= 5) {
    // One pass of outlier rejection: residuals further from their median than
    // 3 median deviations (plus the noise floor, so a perfect fit does not
    // reject everything). Median-centred, so a block of outliers pulling the
    // first fit toward itself is still told apart.
    std::vector<double> residuals;
    for (const auto& p : points)
      residuals.push_back(p.y - line.intercept - line.slope * (p.x - line.reference));
    double centre = median(residuals);
    std::vector<double> deviations;
    for (double r : residuals) deviations.push_back(std::fabs(r - centre));
    double limit = 3 * median(deviations) + settings_.noiseFloor;
    std::vector<Point> kept;
    for (std::size_t i = 0; i < points.size(); ++i)
      if (deviations[i] <= limit) kept.push_back(points[i]);
    if (kept.size() >= 3 && kept.size() < points.size()) {
      points = std::move(kept);
      line = fit(points);
    }
  }

  // Posterior mean of the rate under a zero-mean prior of width ratePrior.
  double prior = settings_.ratePrior * settings_.ratePrior;
  double shrink = std::isfinite(line.slopeVar) ? prior / (prior + line.slopeVar) : 0;
  double rate = std::clamp(line.slope * shrink, -settings_.maxRate, settings_.maxRate);
  // Variance of the shrunk rate around the truth, roughly: what is left of
  // the noise plus what shrinking may take from a typical true rate.
  double rateVar = std::isfinite(line.slopeVar) ? prior * line.slopeVar / (prior + line.slopeVar)
                                                : prior;
  double latest = window_.back().localMidpoint() - line.reference;

  estimate_.referenceLocal = line.reference;
  estimate_.offset = line.intercept;
  estimate_.rate = rate;
  estimate_.rateError = std::sqrt(std::isfinite(line.slopeVar) ? line.slopeVar : prior);
  estimate_.error = std::sqrt(line.interceptVar + latest * latest * rateVar);
  estimate_.fitted = static_cast<int>(points.size());
  estimate_.roundTrip = fastest;
  estimate_.samples = n;
  estimate_.synced = estimate_.synced ||
                     (n >= settings_.minSamples &&
                      (estimate_.error <= settings_.syncError || n >= settings_.forceSyncSamples));
}

}  // namespace hw
