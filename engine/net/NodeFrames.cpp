#include "engine/net/NodeFrames.h"

#include "engine/control/PngDecoding.h"
#include "engine/net/FrameReport.h"

namespace hw {

NodeFrames::Frame NodeFrames::decode(const nlohmann::json& message, double receivedAt) {
  FrameReport report = frameReportFromJson(message);
  auto frame = std::make_shared<NodeFrame>();
  frame->picture = decodePng(report.png, kFrameSide, kFrameSide);
  frame->cue = report.cue;
  frame->at = report.at;
  frame->movieFrame = report.movieFrame;
  frame->receivedAt = receivedAt;
  frame->capture = report.capture;
  frame->png = std::move(report.png);
  return frame;
}

std::string NodeFrames::accept(const std::string& nodeId, const nlohmann::json& message,
                               double receivedAt) {
  std::string problem;
  {
    std::lock_guard lock(mutex_);
    Pace& pace = pace_[nodeId];
    if (receivedAt - pace.since >= 1.0) pace = {receivedAt, 0};
    if (++pace.count > kMaxPerSecond)
      problem = "more than " + std::to_string(kMaxPerSecond) + " frames in a second";
  }
  Frame frame;
  if (problem.empty()) {
    try {
      frame = decode(message, receivedAt);
    } catch (const std::exception& e) {
      problem = e.what();
    }
  }
  std::lock_guard lock(mutex_);
  if (!problem.empty()) {
    std::string& last = problems_[nodeId];
    if (last == problem) return "";
    last = problem;
    return "dropped a frame from node " + nodeId + ": " + problem;
  }
  problems_.erase(nodeId);
  frames_[nodeId] = std::move(frame);
  ++received_;
  return "";
}

NodeFrames::Frame NodeFrames::latest(const std::string& nodeId) const {
  std::lock_guard lock(mutex_);
  auto it = frames_.find(nodeId);
  return it == frames_.end() ? nullptr : it->second;
}

std::map<std::string, NodeFrames::Frame> NodeFrames::all() const {
  std::lock_guard lock(mutex_);
  return frames_;
}

std::uint64_t NodeFrames::received() const {
  std::lock_guard lock(mutex_);
  return received_;
}

}  // namespace hw
