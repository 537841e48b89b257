#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "engine/net/NodeFrames.h"

namespace hw {

// The master's capture of the whole wall at one instant (docs/protocol.md,
// "capture"): which nodes were asked and what each answered. One capture
// runs at a time: each holds an HTTP thread until its nodes answer. Started
// on the master's io thread (which sends the requests), answered there, and
// finished by the HTTP thread that waits for it. Thread-safe.
class WallCapture {
 public:
  // Answers by node id; a node asked that did not answer is missing.
  using Answers = std::map<std::string, NodeFrames::Frame>;

  // Starts capture of `nodes`; its id, or 0 while another runs. A capture
  // not finished by host monotonic time `abandonAt` (s) counts as over (its
  // waiter gave up).
  std::uint64_t start(std::set<std::string> nodes, double now, double abandonAt);
  // A "frame" message carrying "capture" from node `nodeId`: kept when it
  // answers the running capture from a node asked; each node has one try.
  // Returns the problem for a log line ("" when kept, or when it merely came late).
  std::string accept(const std::string& nodeId, const nlohmann::json& message, double receivedAt);
  // Waits until every node asked for capture `id` answered or host
  // monotonic time `deadline` (s) passes; ends the capture and returns its answers.
  Answers finish(std::uint64_t id, double deadline);

 private:
  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable answered_;
  std::uint64_t last_ = 0;       // id of the latest capture started
  bool running_ = false;         // capture last_ waits for answers
  double abandonAt_ = 0;         // s, when capture last_ counts as over anyway
  std::set<std::string> asked_;  // nodes asked whose answer is not decoded yet
  std::set<std::string> tried_;  // nodes whose answer came (each has one try)
  Answers answers_;
};

}  // namespace hw
