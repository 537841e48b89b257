#include "engine/net/NodeFrameReporter.h"

#include <chrono>
#include <stdexcept>

#include "engine/net/FrameReport.h"
#include "engine/net/LogLine.h"
#include "tiler/ImageFile.h"
#include "tiler/Thumbnail.h"

namespace hw {
namespace {

constexpr int kSmallestSide = 40;  // px: below this a picture is not worth sending

// The frame scaled to fit kFrameSide, as PNG; smaller again while the PNG is
// over what the master takes (fine noise compresses badly).
std::string encodeWithinBounds(const Image& frame) {
  for (int side = kFrameSide;; side /= 2) {
    std::string png = encodePng(thumbnailOf(frame, side));
    if (png.size() <= kMaxFramePngBytes) return png;
    if (side / 2 < kSmallestSide)
      throw std::runtime_error("the picture does not compress under " +
                               std::to_string(kMaxFramePngBytes) + " bytes");
  }
}

}  // namespace

NodeFrameReporter::NodeFrameReporter(std::string nodeId, Send send)
    : nodeId_(std::move(nodeId)), send_(std::move(send)), thread_([this] { run(); }) {}

NodeFrameReporter::~NodeFrameReporter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void NodeFrameReporter::submit(int cue, double at, Render render, std::int64_t movieFrame) {
  {
    std::lock_guard lock(mutex_);
    job_ = Job{cue, at, std::move(render), movieFrame};
  }
  wake_.notify_all();
}

void NodeFrameReporter::run() {
  std::optional<nlohmann::json> last;  // the latest message sent
  std::string lastProblem;             // printed once until it changes
  std::unique_lock lock(mutex_);
  for (;;) {
    bool woken = wake_.wait_for(lock, std::chrono::duration<double>(kResendSeconds),
                                [this] { return stopping_ || job_; });
    if (stopping_) return;
    if (!woken) {
      if (last) send_(*last);
      continue;
    }
    Job job = std::move(*job_);
    job_.reset();
    lock.unlock();
    try {
      last = frameReportToJson({job.cue, job.at, encodeWithinBounds(job.render()), job.movieFrame});
      send_(*last);
      lastProblem.clear();
    } catch (const std::exception& e) {
      // A picture for the remotes must never stop the show: say so once, go on.
      if (e.what() != lastProblem)
        logLine("node " + nodeId_, std::string("no frame report: ") + e.what());
      lastProblem = e.what();
    }
    lock.lock();
    // Submissions meanwhile replace each other: the latest goes next.
    if (wake_.wait_for(lock, std::chrono::duration<double>(kLeastGapSeconds),
                       [this] { return stopping_; }))
      return;
  }
}

}  // namespace hw
