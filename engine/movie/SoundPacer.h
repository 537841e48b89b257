#pragma once

#include <deque>
#include <utility>

namespace hw {

// Keeps a soundtrack on the master clock, as pure clock maths: from how far
// the sound being written is from where the clock wants it, the speed to
// play the movie's sound at, or a jump. Two parts make the speed:
// - the sound device's own rate against the master clock, fitted over the
//   last seconds it played (a sound card's crystal is off by up to ~0.01 %;
//   SDL's disk driver, timed by sleeps, by a few % that change with the
//   machine's load): matched, so the sound does not drift;
// - a small correction of what error remains, smoothed, so the jitter of
//   the sound thread's wake-ups does not make the pitch wobble.
// A sound more than kJumpSeconds away (a start, a seek, a resume, a machine
// that stalled) jumps there instead of being slowly pulled in.
class SoundPacer {
 public:
  // s off at which the sound jumps instead of being corrected: under a video
  // frame, so the sound is never a frame from its picture for long.
  static constexpr double kJumpSeconds = 0.03;
  // The correction on top of the device's rate never exceeds this (1 %, a
  // sixth of a semitone, for a moment; once the rate is matched, corrections
  // on a sound card are hundredths of that).
  static constexpr double kMaxCorrection = 0.01;

  // The device has played `played` s of sound since it was opened, at master
  // time `masterTime`: for measuring its rate. `starved`: it ran out of sound
  // since the last call and played silence of its own meanwhile, uncounted,
  // so the measurement starts again.
  void devicePlayed(double masterTime, double played, bool starved);

  struct Step {
    bool jump = false;   // seek the sound to where the clock wants it
    double speed = 1.0;  // s of movie per s of sound to play at from now on
  };
  // The next step, given `error` s that the sound to be written next is
  // ahead of (+) or behind (-) the clock, `interval` s after the last one.
  Step next(double error, double interval);

  // The device's rate against the master clock (master s per s of sound it
  // plays): 1 until measured.
  double deviceRate() const { return deviceRate_; }
  // The smoothed error the correction acts on (s).
  double smoothedError() const { return smoothed_; }

 private:
  std::deque<std::pair<double, double>> played_;  // (s played, master s), the rate's window
  double deviceRate_ = 1.0;
  double smoothed_ = 0;
};

}  // namespace hw
