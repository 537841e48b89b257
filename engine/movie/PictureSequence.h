#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "hwshow/LocalMirror.h"
#include "hwshow/Playlist.h"
#include "tiler/Image.h"
#include "tiler/Rect.h"

namespace hw {

// One decoded picture of a movie, in presentation order.
struct MovieFrame {
  std::int64_t frame = -1;  // frame number in the pass, from its timestamp
  // RGBA at the movie's size; empty: this frame could not be made, the last one holds.
  Image picture;
};

// A source of numbered pictures that plays as a movie: a movie file
// (MovieFile) or a folder of numbered images (FrameSequence). Movie playback
// (MovieCuePlayback) times, queues and composes both alike; which frame to
// show is MovieClock's, never a source's. Not thread-safe: one decoding
// thread owns an instance.
class PictureSequence {
 public:
  virtual ~PictureSequence() = default;

  virtual const MovieFacts& facts() const = 0;
  virtual Size size() const = 0;
  // "h264 1920x1080 30000/1001 fps, 300 frames": for logs and `plan`.
  virtual std::string description() const = 0;

  // From the next picture on, only `region` (px of the picture) needs to be
  // right: a node's displays read only part of a movie they show enlarged or
  // cropped (mediaRectRead). Starts as the whole picture.
  virtual void convertOnly(const RectI& region) = 0;
  // A picture next() gave that is no longer shown: its memory may hold a later one.
  virtual void recycle(Image&& picture) = 0;

  // Makes the next pictures start at `frame`, or the keyframe before it.
  virtual void seekTo(std::int64_t frame) = 0;
  // The next picture, or nullopt at the end. Throws MediaError when the
  // source cannot be read any further.
  virtual std::optional<MovieFrame> next() = 0;
};

// Opens what movie item `media` plays from on this machine: its movie file
// (a path, or a URL's copy in `mirror`) decoded with `threads` threads, or its
// frame sequence's files. Throws MediaError naming it when it is not here or
// will not open.
std::unique_ptr<PictureSequence> openPictureSequence(const MediaRef& media,
                                                     const LocalMirror& mirror, int threads);

}  // namespace hw
