#pragma once

#include <vector>

#include "engine/control/WallStatus.h"
#include "hwshow/Playlist.h"

namespace hw {

// Which cue is on the wall and until when, given commands and the time. Pure:
// time is passed in (seconds on any steady clock), so tests drive it exactly.
// Cues that cannot play are skipped by advancing, next and previous.
class ShowTimeline {
 public:
  ShowTimeline() = default;
  explicit ShowTimeline(const Playlist& playlist);

  // Each returns false, changing nothing, when the command makes no sense now
  // (pause while not playing, next past the end of a show that does not loop).
  bool play(double now);
  bool pause(double now);
  bool resume(double now);
  void stop();
  bool next(double now);
  bool previous(double now);
  // Selects `index`; plays it at once if playing, else holds it paused.
  bool goTo(int index, double now);

  // Moves past every cue whose time is up; true when the cue changed.
  bool advance(double now);

  int cue() const { return cue_; }  // -1 when stopped
  PlayState state() const { return state_; }
  double cueSeconds() const;
  double timeLeft(double now) const;
  // When advance() will next change something; +infinity when nothing is due.
  double nextChangeAt() const;
  int cueCount() const { return static_cast<int>(durations_.size()); }
  bool playable(int index) const;

 private:
  int playableAfter(int index) const;   // -1 at the end of a show that does not loop
  int playableBefore(int index) const;  // -1 at the start of a show that does not loop
  void show(int index, double now);

  std::vector<double> durations_;  // s, per cue
  std::vector<bool> playable_;     // per cue
  bool loop_ = true;
  int cue_ = -1;
  PlayState state_ = PlayState::Stopped;
  double cueStartedAt_ = 0;  // s, when the current cue would have started had it never paused
  double pausedAt_ = 0;      // s, when pause was pressed (valid while paused)
};

}  // namespace hw
