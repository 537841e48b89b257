#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "engine/movie/PictureSequence.h"

namespace hw {

// A folder of numbered images (PNG, JPEG, anything SDL2_image reads) played
// as a movie: frame n is file n, decoded whole by the tiler's image decoding
// when it is asked for, so a node holds no more pictures than its playback
// queue. A frame whose file is missing, does not decode or has another size
// gives an empty picture (the last one holds on the wall) and one log line
// naming the file; the sequence plays on. Landing on such a frame after a
// seek, it gives the nearest good frame before it instead.
class FrameSequence : public PictureSequence {
 public:
  // `files`: local paths in frame order (one not on this machine is a missing frame);
  // `size`: the pictures' size, read from the first file's header when {0, 0};
  // `name` names the sequence in log lines.
  FrameSequence(std::vector<std::string> files, FrameRate rate, Size size, std::string name);

  const MovieFacts& facts() const override { return facts_; }
  Size size() const override { return size_; }
  std::string description() const override;
  // Image files are decoded whole (SDL2_image has no partial decode).
  void convertOnly(const RectI&) override {}
  // The decoder allocates each picture itself.
  void recycle(Image&&) override {}
  void seekTo(std::int64_t frame) override;
  std::optional<MovieFrame> next() override;

 private:
  // Frame `frame`'s picture, empty when it cannot be made (`log`: say why, once).
  Image decode(std::int64_t frame, bool log);
  void logProblem(std::int64_t frame, const std::string& problem);

  std::vector<std::string> files_;
  MovieFacts facts_;
  Size size_;
  std::string name_;
  std::int64_t position_ = 0;      // frame next() gives
  std::int64_t delivered_ = -1;    // frame next() gave last
  std::set<std::int64_t> logged_;  // frames whose problem was logged: one line each
};

}  // namespace hw
