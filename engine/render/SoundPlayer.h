#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "engine/movie/MovieSoundtrack.h"
#include "engine/movie/SoundPacer.h"
#include "engine/render/SoundFigures.h"
#include "engine/render/SoundOutput.h"
#include "engine/render/SoundWanted.h"

namespace hw {

// Plays the wall's sound on this machine's sound device. Each time the
// device takes a buffer, it asks what should be heard when that buffer
// reaches the speaker and fills it from the soundtrack, kept on the clock by
// a SoundPacer. The device opens when sound is first wanted, and plays
// silence from then on whenever none is (paused, a cue without a movie).
class SoundPlayer {
 public:
  // Master s now.
  using Clock = std::function<double()>;
  // The sound wanted at master time `at`; its `uri` a local file or "".
  using Wanted = std::function<SoundWanted(double at)>;
  // One line for the operator's log.
  using Log = std::function<void(const std::string&)>;

  SoundPlayer(Clock now, Wanted wanted, Log log);
  ~SoundPlayer();
  SoundPlayer(const SoundPlayer&) = delete;
  SoundPlayer& operator=(const SoundPlayer&) = delete;

  // Null until the sound device is open: this machine plays no sound.
  std::optional<SoundFigures> figures() const;

 private:
  // Opens the device once sound is wanted, and keeps it until stopped.
  void run();
  // The device's buffer of `frames` sample frames (on SDL's sound thread).
  void fill(float* samples, std::size_t frames);
  void fillFromSoundtrack(float* samples, std::size_t frames, const SoundWanted& wanted,
                          double now);
  // The soundtrack of `uri`, opened if it is not the one open; null when it
  // has none or cannot be opened (said once per file).
  MovieSoundtrack* soundtrackOf(const std::string& uri);
  // Fills `samples` from the soundtrack from where it is, wrapping at the
  // end of the pass: `frames` sample frames, silence past the end of its sound.
  void readPass(float* samples, std::size_t frames, double passSeconds);

  const Clock now_;
  const Wanted wanted_;
  const Log log_;
  // The rest is the sound thread's, once the device is open.
  SoundOutput* output_ = nullptr;
  std::unique_ptr<MovieSoundtrack> soundtrack_;  // the movie last heard
  std::string soundtrackUri_;                    // its uri
  std::string failedUri_;                        // a file said once not to play
  SoundPacer pacer_;
  double played_ = 0;    // s of sound the device has taken
  double lastFill_ = 0;  // master s of the last buffer; 0 = none yet
  bool fadeIn_ = true;   // the next sound starts after silence or a jump: ramp it up

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<SoundFigures> figures_;
  bool stopping_ = false;
  std::thread worker_;  // last: starts once the rest exists
};

}  // namespace hw
