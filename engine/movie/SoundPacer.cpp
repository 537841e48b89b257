#include "engine/movie/SoundPacer.h"

#include <algorithm>
#include <cmath>

namespace hw {
namespace {

// s of playing the device's rate is fitted over: shorter windows measure the
// jitter of its buffers' start times, longer ones follow a rate that changes
// (the disk driver's) too slowly.
constexpr double kRateWindow = 1.0;
// s of playing before the first fit is trusted.
constexpr double kFirstFit = 0.3;
// Rates further from 1 than this are a stalled or restarted device, not a
// clock's error: the window starts again.
constexpr double kRateLimit = 0.1;
// s the error is smoothed over: many device buffers, whose start times
// jitter by the sound thread's wake-ups.
constexpr double kSmoothing = 0.2;
// Correction per s of smoothed error: 5 ms off -> 1 % faster or slower,
// pulled in over about half a second.
constexpr double kGain = 2.0;

}  // namespace

void SoundPacer::devicePlayed(double masterTime, double played, bool starved) {
  if (starved || (!played_.empty() && played < played_.back().first)) played_.clear();
  played_.emplace_back(played, masterTime);
  while (played - played_.front().first > kRateWindow) played_.pop_front();
  if (played - played_.front().first < kFirstFit) return;
  // Least squares: master s per s played, through every look in the window,
  // so the jitter of the buffers' start times averages out.
  double n = static_cast<double>(played_.size()), sumP = 0, sumM = 0;
  for (const auto& [p, m] : played_) sumP += p, sumM += m;
  double meanP = sumP / n, meanM = sumM / n, covariance = 0, variance = 0;
  for (const auto& [p, m] : played_) {
    covariance += (p - meanP) * (m - meanM);
    variance += (p - meanP) * (p - meanP);
  }
  double rate = covariance / variance;
  if (std::abs(rate - 1) > kRateLimit) {
    played_.clear();
    return;
  }
  deviceRate_ = rate;
}

SoundPacer::Step SoundPacer::next(double error, double interval) {
  if (std::abs(error) > kJumpSeconds) {
    smoothed_ = 0;
    return {true, deviceRate_};
  }
  smoothed_ += (error - smoothed_) * std::min(1.0, interval / kSmoothing);
  double correction = std::clamp(-kGain * smoothed_, -kMaxCorrection, kMaxCorrection);
  return {false, deviceRate_ * (1 + correction)};
}

}  // namespace hw
