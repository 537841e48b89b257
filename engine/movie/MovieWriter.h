#pragma once

#include <memory>
#include <string>

#include "hwshow/Playlist.h"
#include "tiler/Image.h"
#include "tiler/Rect.h"

namespace hw {

// How MovieWriter encodes: H.264 (libx264), 4:2:0, BT.709 limited range, in MP4.
struct MovieEncoding {
  Size size;                      // pixels of every picture written
  FrameRate rate;                 // frames per second
  double keyframeSeconds = 1.0;   // s between keyframes: a late join or seek decodes at most this
  int quality = 18;               // libx264 CRF: 18 is visually lossless for most content
  std::string preset = "veryfast";  // libx264 speed preset
};

// Writes RGBA pictures as an H.264 MP4 movie with FFmpeg's libraries: the
// encode edge, after FFmpeg's doc/examples/encode_video.c and mux.c. Not
// thread-safe: one thread owns an instance.
class MovieWriter {
 public:
  // Creates `path`; throws MediaError naming it when the file or the encoder
  // cannot be opened (libx264 missing, an odd size for 4:2:0).
  MovieWriter(const std::string& path, const MovieEncoding& encoding);
  ~MovieWriter();
  MovieWriter(const MovieWriter&) = delete;
  MovieWriter& operator=(const MovieWriter&) = delete;

  // Appends the next frame; `picture` must be the encoding's size.
  void write(const Image& picture);
  // Encodes what is buffered and completes the file; a writer destroyed
  // without finish() leaves a file that is not a whole movie.
  void finish();

 private:
  void drain(bool flushing);

  struct Av;  // FFmpeg's contexts, kept out of every includer's way
  std::string path_;
  std::unique_ptr<Av> av_;
  long long written_ = 0;  // frames sent to the encoder
};

}  // namespace hw
