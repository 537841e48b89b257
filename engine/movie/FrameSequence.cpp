#include "engine/movie/FrameSequence.h"

#include <algorithm>
#include <iostream>
#include <utility>

#include "hwshow/ImageHeaderSize.h"
#include "hwshow/ShowPaths.h"
#include "tiler/ImageFile.h"
#include "tiler/MediaError.h"

namespace hw {
namespace {

// Log lines about one sequence's missing frames: a folder not yet fetched
// would otherwise write one per frame.
constexpr std::size_t kMostProblemLines = 10;
// Frames looked back for one to hold after a seek lands on a broken one.
constexpr std::int64_t kMostLookBack = 30;

}  // namespace

FrameSequence::FrameSequence(std::vector<std::string> files, FrameRate rate, Size size,
                             std::string name)
    : files_(std::move(files)), size_(size), name_(std::move(name)) {
  facts_.rate = rate;
  facts_.frames = static_cast<std::int64_t>(files_.size());
  if (files_.empty()) throw MediaError(name_, "holds no frames");
  if (!rate.known()) throw MediaError(name_, "its frame rate is unknown");
  if (size_.w <= 0 || size_.h <= 0)
    for (const std::string& file : files_)
      if (isRegularFile(file) && (size_ = imageSizeFromHeader(file)).w > 0) break;
  if (size_.w <= 0 || size_.h <= 0) throw MediaError(name_, "none of its frames is a picture");
}

std::string FrameSequence::description() const {
  return "frames " + std::to_string(size_.w) + "x" + std::to_string(size_.h) + " " +
         std::to_string(facts_.rate.num) + "/" + std::to_string(facts_.rate.den) + " fps, " +
         std::to_string(facts_.frames) + " frames";
}

void FrameSequence::seekTo(std::int64_t frame) {
  position_ = std::clamp<std::int64_t>(frame, 0, facts_.frames);
}

std::optional<MovieFrame> FrameSequence::next() {
  if (position_ >= facts_.frames) return std::nullopt;
  MovieFrame out;
  out.frame = position_++;
  bool follows = out.frame == delivered_ + 1;
  delivered_ = out.frame;
  out.picture = decode(out.frame, true);
  // A frame that cannot be made shows the one before it: the picture up
  // already when playing on, else found again (after a seek, a loop).
  for (std::int64_t before = out.frame - 1;
       out.picture.empty() && !follows && before >= 0 && out.frame - before <= kMostLookBack;
       --before)
    out.picture = decode(before, false);
  return out;
}

Image FrameSequence::decode(std::int64_t frame, bool log) {
  const std::string& file = files_[static_cast<std::size_t>(frame)];
  if (!isRegularFile(file)) {
    if (log) logProblem(frame, file + ": no such file");
    return {};
  }
  Image picture;
  try {
    picture = decodeImageFile(file);
  } catch (const std::exception& error) {
    if (log) logProblem(frame, error.what());
    return {};
  }
  if (picture.width != size_.w || picture.height != size_.h) {
    if (log)
      logProblem(frame, file + ": is " + std::to_string(picture.width) + "x" +
                            std::to_string(picture.height) + ", not " + std::to_string(size_.w) +
                            "x" + std::to_string(size_.h));
    return {};
  }
  return picture;
}

void FrameSequence::logProblem(std::int64_t frame, const std::string& problem) {
  if (!logged_.insert(frame).second || logged_.size() > kMostProblemLines + 1) return;
  std::string line = "hyperwall: " + name_ + ": frame " + std::to_string(frame + 1) + ": " +
                     problem + "; the frame before it stays up\n";
  if (logged_.size() > kMostProblemLines)
    line = "hyperwall: " + name_ + ": more frames cannot be shown; not logged one by one\n";
  std::cerr << line << std::flush;  // one write: lines of several threads never interleave
}

}  // namespace hw
