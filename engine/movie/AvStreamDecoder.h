#pragma once

#include <cstdint>
#include <memory>
#include <string>

struct AVCodecContext;
struct AVFormatContext;
struct AVFrame;
struct AVPacket;
struct AVStream;

namespace hw {

// One stream of a movie file, demuxed and decoded with FFmpeg's libraries:
// the read-send-receive loop of FFmpeg's doc/examples/demux_decode.c, shared
// by pictures (MovieFile) and sound (MovieSoundtrack). Not thread-safe: one
// thread owns an instance.
class AvStreamDecoder {
 public:
  enum class Kind { Video, Sound };

  // Opens `path` and its best stream of `kind` with a decoder running
  // `threads` threads; null when the file has no such stream. Throws
  // MediaError naming the file: missing, not a movie, no decoder for the
  // stream's codec.
  static std::unique_ptr<AvStreamDecoder> open(const std::string& path, Kind kind, int threads);
  ~AvStreamDecoder();
  AvStreamDecoder(const AvStreamDecoder&) = delete;
  AvStreamDecoder& operator=(const AvStreamDecoder&) = delete;

  AVFormatContext* format() const { return format_; }
  AVCodecContext* codec() const { return codec_; }
  const AVStream* stream() const;
  // The frame receive() decoded last.
  AVFrame* frame() const { return frame_; }

  // Decodes the next frame into frame(); false once the stream has given its
  // last. Throws MediaError when the file cannot be read or decoded further.
  bool receive();
  // The next receive() starts at the keyframe at or before `timestamp` (in
  // the stream's time base). Returns FFmpeg's error code, < 0 on failure.
  int seek(std::int64_t timestamp);

 private:
  AvStreamDecoder(std::string path, Kind kind);

  std::string path_;
  std::string what_;  // "video", "sound"
  AVFormatContext* format_ = nullptr;
  AVCodecContext* codec_ = nullptr;
  AVPacket* packet_ = nullptr;
  AVFrame* frame_ = nullptr;
  int stream_ = -1;
  bool draining_ = false;  // the demuxer is at its end; the decoder gives what it holds
};

}  // namespace hw
