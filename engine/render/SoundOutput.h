#pragma once

#include <SDL.h>

#include <cstddef>
#include <functional>

namespace hw {

// One SDL sound device, filled by a callback on SDL's sound thread each time
// it takes a buffer: the output edge of sound. The moment of each call is
// the moment the buffer starts on its way to the speaker, so the caller
// knows when every sample it writes is heard, to well under a millisecond
// (a queue would tell only in whole buffers). SDL_AUDIODRIVER picks the
// driver ("disk" writes every sample it plays to SDL_DISKAUDIOFILE, for tests).
class SoundOutput {
 public:
  // Fills `frames` sample frames of interleaved floats (channels() each);
  // called on SDL's sound thread, so it must be quick and never throw.
  using Fill = std::function<void(float* samples, std::size_t frames)>;

  // Opens the default device at 48 kHz stereo or what it offers instead,
  // silent until start(). Throws std::runtime_error with SDL's reason.
  explicit SoundOutput(Fill fill);
  // Stops the device: no call of `fill` is running or will run.
  ~SoundOutput();
  SoundOutput(const SoundOutput&) = delete;
  SoundOutput& operator=(const SoundOutput&) = delete;

  int rate() const { return spec_.freq; }  // sample frames per s
  int channels() const { return spec_.channels; }
  // s from a call of `fill` to its first sample being heard: the device's
  // buffer that is playing meanwhile. The disk driver writes at once: 0.
  double latencySeconds() const { return latency_; }
  // From now on the device calls `fill` for every buffer.
  void start() { SDL_PauseAudioDevice(device_, 0); }

 private:
  static void fillThunk(void* self, Uint8* stream, int bytes);

  Fill fill_;
  SDL_AudioDeviceID device_ = 0;
  SDL_AudioSpec spec_{};
  double latency_ = 0;
};

}  // namespace hw
