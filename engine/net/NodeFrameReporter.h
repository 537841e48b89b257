#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "tiler/Image.h"

namespace hw {

// Sends the master small pictures of what this node shows ("frame"
// messages), from its own thread: rendering or scaling and PNG encoding stay
// off the present loop. The latest picture is sent again every kResendSeconds
// while nothing new comes, so a master that restarted or a node that
// reconnected soon has it.
class NodeFrameReporter {
 public:
  using Send = std::function<void(nlohmann::json message)>;  // thread-safe, may drop
  using Render = std::function<Image()>;  // the framebuffer (any size, scaled here); may throw

  static constexpr double kResendSeconds = 2.0;  // s between sends of an unchanged picture
  // s between sends at least: a movie changes its picture every frame, and
  // the master takes NodeFrames::kMaxPerSecond; the latest submission wins.
  static constexpr double kLeastGapSeconds = 0.25;

  explicit NodeFrameReporter(std::string nodeId, Send send);
  ~NodeFrameReporter();
  NodeFrameReporter(const NodeFrameReporter&) = delete;
  NodeFrameReporter& operator=(const NodeFrameReporter&) = delete;

  // Thread-safe: report cue `cue`, shown at master time `at`, as `render`
  // draws it, with frame `movieFrame` of its movie (-1: a still cue).
  // Replaces a submission the thread has not started yet.
  void submit(int cue, double at, Render render, std::int64_t movieFrame = -1);
  // Thread-safe: answer the master's capture request `id` with cue `cue`, up
  // on the display since master time `at`, as `render` draws it. Captures go
  // before submissions, are never replaced nor resent, and are not paced: the
  // master asks for them (at most CaptureRequests::kMaxPending waiting here).
  void capture(std::uint64_t id, int cue, double at, Render render, std::int64_t movieFrame);

 private:
  struct Job {
    int cue;        // cue shown
    double at;      // master s it was shown
    Render render;  // draws it
    std::int64_t movieFrame;  // frame of its movie (-1: none)
    std::uint64_t capture = 0;  // the capture request it answers (0: a plain report)
  };
  void run();
  // Renders and sends `job`; returns the message sent (nullopt: it failed, said once).
  std::optional<nlohmann::json> send(Job& job);

  const std::string nodeId_;
  const Send send_;
  std::mutex mutex_;  // guards job_, captures_ and stopping_
  std::condition_variable wake_;
  std::optional<Job> job_;
  std::deque<Job> captures_;  // oldest first
  std::string lastProblem_;   // printed once until it changes; the reporter's thread only
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the rest is ready
};

}  // namespace hw
