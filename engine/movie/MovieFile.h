#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "engine/movie/MovieClock.h"
#include "engine/movie/PictureSequence.h"
#include "tiler/FramePool.h"
#include "tiler/Image.h"
#include "tiler/Rect.h"

namespace hw {

// Decoder threads playback gives each movie: libavcodec runs one for API
// users unless told; more than 4 gain little at 1080p-4K and cost memory.
int playbackDecoderThreads();

// A movie file opened for playback with FFmpeg's libraries: its facts and its
// pictures, one after the other, from any keyframe. The decode edge of movie
// playback: which frame to show is MovieClock's, never this class's. Its
// stream is decoded by an AvStreamDecoder.
// Not thread-safe: one decoding thread owns an instance.
class MovieFile : public PictureSequence {
 public:
  // Opens `path` and its best video stream with a decoder running `threads`
  // threads (libavcodec runs one unless told). Throws MediaError naming the
  // file: missing, not a movie, no video stream, unknown codec, no frame rate.
  MovieFile(const std::string& path, int threads);
  ~MovieFile() override;
  MovieFile(const MovieFile&) = delete;
  MovieFile& operator=(const MovieFile&) = delete;

  const MovieFacts& facts() const override { return clock_.facts(); }
  Size size() const override;
  // "h264 1920x1080 30000/1001 fps, 300 frames": for logs and `plan`.
  std::string description() const override;

  // From the next picture on, converts only `region` (movie px) to RGBA and
  // leaves the rest of the picture unspecified: a node's displays read only
  // part of a movie they show enlarged or cropped (mediaRectRead). Starts as
  // the whole picture.
  void convertOnly(const RectI& region) override { region_ = region; }
  // A picture next() gave that is no longer shown: its memory holds a later
  // one, instead of a new buffer allocated and cleared every frame.
  void recycle(Image&& picture) override;

  // Makes the next frames start at the keyframe at or before `frame`.
  void seekTo(std::int64_t frame) override;
  // The next picture, or nullopt at the end of the file. Throws MediaError
  // when the file cannot be read or decoded any further (corrupt data).
  std::optional<MovieFrame> next() override;

 private:
  struct Av;  // FFmpeg's contexts, kept out of every includer's way
  std::optional<MovieFrame> convert();

  std::string path_;
  std::unique_ptr<Av> av_;
  MovieClock clock_{MovieFacts{}};
  RectI region_;           // movie px converted to RGBA
  FramePool pictures_;     // recycled pictures' pixels
};

}  // namespace hw
