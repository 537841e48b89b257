#include "engine/net/WallCapture.h"

#include <chrono>

#include "engine/net/HostClock.h"

namespace hw {

std::uint64_t WallCapture::start(std::set<std::string> nodes, double now, double abandonAt) {
  std::lock_guard lock(mutex_);
  if (running_ && now < abandonAt_) return 0;
  running_ = true;
  abandonAt_ = abandonAt;
  asked_ = std::move(nodes);
  tried_.clear();
  answers_.clear();
  return ++last_;
}

std::string WallCapture::accept(const std::string& nodeId, const nlohmann::json& message,
                                double receivedAt) {
  std::uint64_t id = 0;
  {
    // One try per node and capture: an answer to an earlier capture, or a
    // second one, is dropped before any decoding.
    std::lock_guard lock(mutex_);
    if (!running_ || message.value("capture", nlohmann::json()) != nlohmann::json(last_) ||
        !asked_.contains(nodeId) || !tried_.insert(nodeId).second)
      return "";
    id = last_;
  }
  std::string problem;
  NodeFrames::Frame frame;
  try {
    frame = NodeFrames::decode(message, receivedAt);
  } catch (const std::exception& e) {
    problem = "dropped a capture from node " + nodeId + ": " + e.what();
  }
  {
    // Answered only now, decoded: the waiter must not take the answers without it.
    std::lock_guard lock(mutex_);
    if (!running_ || id != last_) return problem;
    if (frame) answers_[nodeId] = std::move(frame);
    asked_.erase(nodeId);
  }
  answered_.notify_all();
  return problem;
}

WallCapture::Answers WallCapture::finish(std::uint64_t id, double deadline) {
  std::unique_lock lock(mutex_);
  double left = deadline - monotonicSeconds();
  if (left > 0)
    answered_.wait_for(lock, std::chrono::duration<double>(left),
                       [&] { return id != last_ || asked_.empty(); });
  if (id != last_) return {};  // abandoned and replaced meanwhile
  running_ = false;
  asked_.clear();
  tried_.clear();
  return std::move(answers_);
}

}  // namespace hw
