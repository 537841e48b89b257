#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace hw {

// A movie's soundtrack, decoded and converted for one sound device: the
// decode edge of sound, as MovieFile is of pictures. Which part of it to play
// when is SoundPacer's and SoundPlayer's, never this class's. Times are
// seconds of the movie from its first video frame, the time MovieClock counts
// in, so sound and picture share one zero whatever the container's priming
// and start offsets. Not thread-safe: one thread owns an instance.
class MovieSoundtrack {
 public:
  // Opens `path`'s best audio stream converted to `channels` interleaved
  // float channels at `rate` Hz. Returns null for a movie without sound.
  // Throws MediaError naming the file: missing, not a movie, unknown codec.
  static std::unique_ptr<MovieSoundtrack> open(const std::string& path, int rate, int channels);
  ~MovieSoundtrack();
  MovieSoundtrack(const MovieSoundtrack&) = delete;
  MovieSoundtrack& operator=(const MovieSoundtrack&) = delete;

  // The next read() starts at `seconds` into the movie, to the sample.
  void seekTo(double seconds);
  // s into the movie of the next sample read() gives.
  double position() const;
  // From the next read() on, `speed` s of the movie are played per s of
  // sound: 1 is as recorded; a small difference keeps the sound on the
  // master clock (libswresample's compensation, no pitch jump, no click).
  void setSpeed(double speed);
  // Up to `frames` sample frames into `out` (frames x channels floats);
  // fewer only at the end of the soundtrack. Throws MediaError when the
  // file cannot be read or decoded any further.
  std::size_t read(float* out, std::size_t frames);
  // Whether read() has given the soundtrack's last sample.
  bool atEnd() const { return ended_ && readFrom_ == converted_.size(); }

 private:
  struct Av;  // FFmpeg's contexts, kept out of every includer's way
  MovieSoundtrack(const std::string& path, std::unique_ptr<Av> av, int rate, int channels);
  // Decodes and converts one more audio frame into converted_; false at the end.
  bool decodeMore();

  std::string path_;
  std::unique_ptr<Av> av_;
  int rate_;
  int channels_;
  std::vector<float> converted_;  // interleaved samples not read yet
  std::size_t readFrom_ = 0;      // first unread float in converted_
  double convertedEnd_ = 0;       // s of the movie just after the last converted sample
  double discardBefore_ = 0;      // s: samples before it are dropped (after a seek)
  double speed_ = 1;              // s of movie per s of sound
  bool ended_ = false;            // the last sample is converted
};

}  // namespace hw
