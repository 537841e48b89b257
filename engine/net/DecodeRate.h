#pragma once

#include <cstdint>
#include <deque>

namespace hw {

// Frames a movie cue's decoder composed per second over the last few
// seconds, from the running count (MovieStats::composed) the present loop
// samples every frame. Pure: the caller gives the times.
class DecodeRate {
 public:
  static constexpr double kWindow = 3.0;    // s of samples the rate is taken over
  static constexpr double kShortest = 0.5;  // s the samples must span before a rate is told
  static constexpr double kSpacing = 0.1;   // s between kept samples (bounds what is held)

  // The count `composed` at `at` s (any steady clock) for cue `cue`. Another
  // cue, or a count that went back (a playback built afresh), starts over.
  void add(double at, int cue, std::int64_t composed);
  // Frames per second over the samples held; 0 until they span kShortest.
  double perSecond() const;

 private:
  struct Sample {
    double at;
    std::int64_t composed;
  };
  std::deque<Sample> samples_;  // oldest first, at least kSpacing apart but the newest
  int cue_ = -1;
};

}  // namespace hw
