#include "engine/control/ShowTimeline.h"

#include <algorithm>
#include <limits>

namespace hw {
namespace {

constexpr double kShortestCueSeconds = 0.1;  // s

}  // namespace

ShowTimeline::ShowTimeline(const Playlist& playlist) : loop_(playlist.loop) {
  for (const Cue& cue : playlist.cues) {
    // A cue shorter than a few frames cannot be seen; the floor also keeps a
    // show of zero-length cues from spinning the cue timer.
    durations_.push_back(std::max(kShortestCueSeconds, cue.durationSeconds));
    playable_.push_back(cue.playable);
  }
}

bool ShowTimeline::playable(int index) const {
  return index >= 0 && index < cueCount() && playable_[index];
}

int ShowTimeline::playableAfter(int index) const {
  int count = cueCount();
  for (int step = 1; step <= count; ++step) {
    int candidate = index + step;
    if (candidate >= count) {
      if (!loop_) return -1;
      candidate -= count;
    }
    if (playable_[candidate]) return candidate;
  }
  return -1;
}

int ShowTimeline::playableBefore(int index) const {
  int count = cueCount();
  for (int step = 1; step <= count; ++step) {
    int candidate = index - step;
    if (candidate < 0) {
      if (!loop_) return -1;
      candidate += count;
    }
    if (playable_[candidate]) return candidate;
  }
  return -1;
}

void ShowTimeline::show(int index, double now) {
  cue_ = index;
  cueStartedAt_ = now;
  pausedAt_ = now;
}

bool ShowTimeline::play(double now) {
  if (state_ == PlayState::Playing) return false;
  if (state_ == PlayState::Paused) return resume(now);
  int first = playable_.empty() ? -1 : (playable(0) ? 0 : playableAfter(0));
  if (first < 0) return false;
  show(first, now);
  state_ = PlayState::Playing;
  return true;
}

bool ShowTimeline::pause(double now) {
  if (state_ != PlayState::Playing) return false;
  pausedAt_ = now;
  state_ = PlayState::Paused;
  return true;
}

bool ShowTimeline::resume(double now) {
  if (state_ != PlayState::Paused) return false;
  cueStartedAt_ += now - pausedAt_;  // the pause does not eat into the cue's time
  state_ = PlayState::Playing;
  return true;
}

void ShowTimeline::stop() {
  cue_ = -1;
  state_ = PlayState::Stopped;
}

bool ShowTimeline::next(double now) {
  int target = cue_ < 0 ? (playable(0) ? 0 : playableAfter(0)) : playableAfter(cue_);
  return goTo(target, now);
}

bool ShowTimeline::previous(double now) {
  int target = cue_ < 0 ? playableBefore(0) : playableBefore(cue_);
  return goTo(target, now);
}

bool ShowTimeline::goTo(int index, double now) {
  if (!playable(index)) return false;
  show(index, now);
  if (state_ == PlayState::Stopped) state_ = PlayState::Paused;
  return true;
}

bool ShowTimeline::advance(double now) {
  bool changed = false;
  // Bounded: a show of zero-length cues must not spin forever.
  for (int guard = 0; state_ == PlayState::Playing && guard <= cueCount(); ++guard) {
    double endsAt = cueStartedAt_ + durations_[cue_];
    if (now < endsAt) break;
    int following = playableAfter(cue_);
    changed = true;
    if (following < 0) {
      stop();
      break;
    }
    cue_ = following;
    cueStartedAt_ = endsAt;  // no drift: the next cue starts when the last one ended
  }
  return changed;
}

double ShowTimeline::cueSeconds() const { return cue_ < 0 ? 0.0 : durations_[cue_]; }

double ShowTimeline::timeLeft(double now) const {
  if (cue_ < 0) return 0.0;
  double elapsed = (state_ == PlayState::Paused ? pausedAt_ : now) - cueStartedAt_;
  return std::clamp(durations_[cue_] - elapsed, 0.0, durations_[cue_]);
}

double ShowTimeline::nextChangeAt() const {
  if (state_ != PlayState::Playing) return std::numeric_limits<double>::infinity();
  return cueStartedAt_ + durations_[cue_];
}

}  // namespace hw
