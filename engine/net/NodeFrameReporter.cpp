#include "engine/net/NodeFrameReporter.h"

#include <chrono>
#include <stdexcept>

#include "engine/net/CaptureRequests.h"
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

void NodeFrameReporter::capture(std::uint64_t id, int cue, double at, Render render,
                                std::int64_t movieFrame) {
  {
    std::lock_guard lock(mutex_);
    if (captures_.size() == CaptureRequests::kMaxPending) captures_.pop_front();
    captures_.push_back(Job{cue, at, std::move(render), movieFrame, id});
  }
  wake_.notify_all();
}

std::optional<nlohmann::json> NodeFrameReporter::send(Job& job) {
  try {
    nlohmann::json message = frameReportToJson(
        {job.cue, job.at, encodeWithinBounds(job.render()), job.movieFrame, job.capture});
    send_(message);
    lastProblem_.clear();
    return message;
  } catch (const std::exception& e) {
    // A picture for the remotes must never stop the show: say so once, go on.
    if (e.what() != lastProblem_)
      logLine("node " + nodeId_, std::string("no frame report: ") + e.what());
    lastProblem_ = e.what();
    return std::nullopt;
  }
}

void NodeFrameReporter::run() {
  std::optional<nlohmann::json> last;  // the latest plain report sent
  std::unique_lock lock(mutex_);
  for (;;) {
    bool woken = wake_.wait_for(lock, std::chrono::duration<double>(kResendSeconds),
                                [this] { return stopping_ || job_ || !captures_.empty(); });
    if (stopping_) return;
    if (!woken) {
      if (last) send_(*last);
      continue;
    }
    if (!captures_.empty()) {
      Job capture = std::move(captures_.front());
      captures_.pop_front();
      lock.unlock();
      send(capture);
      lock.lock();
      continue;
    }
    Job job = std::move(*job_);
    job_.reset();
    lock.unlock();
    if (std::optional<nlohmann::json> sent = send(job)) last = std::move(sent);
    lock.lock();
    // Submissions meanwhile replace each other: the latest goes next.
    if (wake_.wait_for(lock, std::chrono::duration<double>(kLeastGapSeconds),
                       [this] { return stopping_ || !captures_.empty(); }) &&
        stopping_)
      return;
  }
}

}  // namespace hw
