#include "engine/net/ClockEstimator.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace hw {
namespace {

struct Point {
  double x;  // s, local midpoint
  double y;  // s, offset
};

struct Line {
  double reference = 0;  // mean x
  double intercept = 0;  // y at reference
  double slope = 0;
};

Line fit(const std::vector<Point>& points, bool withSlope, double maxSlope) {
  Line line;
  double n = static_cast<double>(points.size());
  for (const auto& p : points) line.reference += p.x / n;
  double meanY = 0;
  for (const auto& p : points) meanY += p.y / n;
  if (withSlope) {
    double sxx = 0, sxy = 0;
    for (const auto& p : points) {
      sxx += (p.x - line.reference) * (p.x - line.reference);
      sxy += (p.x - line.reference) * (p.y - meanY);
    }
    if (sxx > 0) line.slope = std::clamp(sxy / sxx, -maxSlope, maxSlope);
  }
  line.intercept = meanY;
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
  std::vector<ClockSample> byRoundTrip(window_.begin(), window_.end());
  std::sort(byRoundTrip.begin(), byRoundTrip.end(),
            [](const auto& a, const auto& b) { return a.roundTrip() < b.roundTrip(); });
  auto wanted = static_cast<std::size_t>(
      std::ceil(settings_.selectFraction * static_cast<double>(byRoundTrip.size())));
  wanted = std::max<std::size_t>(wanted, static_cast<std::size_t>(settings_.minSelected));
  wanted = std::min(wanted, byRoundTrip.size());

  std::vector<Point> points;
  double first = byRoundTrip.front().localMidpoint(), last = first;
  for (std::size_t i = 0; i < wanted; ++i) {
    const auto& s = byRoundTrip[i];
    points.push_back({s.localMidpoint(), s.offset()});
    first = std::min(first, s.localMidpoint());
    last = std::max(last, s.localMidpoint());
  }
  bool withSlope = points.size() >= 3 && last - first >= settings_.minRateSpan;
  Line line = fit(points, withSlope, settings_.maxRate);
  if (!withSlope) line.slope = estimate_.rate;  // keep what a longer window taught us

  // One pass of outlier rejection: residuals beyond 3 median deviations (plus
  // a microsecond floor so a perfect fit does not reject everything).
  if (points.size() >= 5) {
    std::vector<double> residuals;
    for (const auto& p : points)
      residuals.push_back(std::fabs(p.y - line.intercept - line.slope * (p.x - line.reference)));
    double limit = 3 * median(residuals) + 1e-6;
    std::vector<Point> kept;
    for (std::size_t i = 0; i < points.size(); ++i)
      if (residuals[i] <= limit) kept.push_back(points[i]);
    if (kept.size() >= 3 && kept.size() < points.size()) {
      double keptRate = line.slope;
      line = fit(kept, withSlope, settings_.maxRate);
      if (!withSlope) line.slope = keptRate;
    }
    estimate_.fitted = static_cast<int>(kept.size() >= 3 ? kept.size() : points.size());
  } else {
    estimate_.fitted = static_cast<int>(points.size());
  }

  estimate_.referenceLocal = line.reference;
  estimate_.offset = line.intercept;
  estimate_.rate = line.slope;
  estimate_.roundTrip = byRoundTrip.front().roundTrip();
  estimate_.samples = static_cast<int>(window_.size());
  estimate_.synced = estimate_.samples >= settings_.minSamples;
}

}  // namespace hw
