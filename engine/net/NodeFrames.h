#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "tiler/Image.h"

namespace hw {

// One node's latest picture of what it showed, as the master keeps it.
struct NodeFrame {
  int cue = -1;           // cue the node showed (-1: none)
  std::int64_t movieFrame = -1;  // frame of the cue's movie it showed (0-based; -1: none)
  double at = 0;          // master s, when the node showed it
  double receivedAt = 0;  // s, host monotonic time the master got it
  std::uint64_t capture = 0;  // the capture request it answers (0: a plain report)
  std::string png;        // the picture as the node sent it
  Image picture;          // the same decoded: the node's framebuffer, scaled down
};

// The master's store of every node's latest frame report: written on the
// master's io thread, read by the control API's HTTP threads. Frames come
// from the network, so each is checked (rate, size, base64, PNG header and
// dimensions, decoding) before it replaces the kept one: decoding runs on
// the master's io thread, which also answers clock exchanges. Thread-safe.
class NodeFrames {
 public:
  using Frame = std::shared_ptr<const NodeFrame>;

  // Frames one node may send in a second (s of `receivedAt`); a node sends one per change of
  // cue or overlay and one every 2 s, so more is a broken or hostile node.
  static constexpr int kMaxPerSecond = 5;

  // A "frame" message checked and decoded (fields, base64, PNG header and
  // dimensions, decoding); throws std::runtime_error naming what is wrong.
  static Frame decode(const nlohmann::json& message, double receivedAt);

  // Keeps the "frame" message `message` as node `nodeId`'s latest. A bad one
  // is dropped, the kept frame stays, and the problem is returned for a log
  // line: "" when the frame was kept or the node's last problem was the same.
  std::string accept(const std::string& nodeId, const nlohmann::json& message, double receivedAt);

  // The latest frame of each node that sent one (null for none).
  Frame latest(const std::string& nodeId) const;
  std::map<std::string, Frame> all() const;
  // Frames kept since the start: remotes refetch the screenshot when it moves.
  std::uint64_t received() const;

 private:
  mutable std::mutex mutex_;  // guards everything below
  std::map<std::string, Frame> frames_;
  std::map<std::string, std::string> problems_;  // node id -> last problem logged
  struct Pace {
    double since = -1e9;  // s, start of the current one-second window
    int count = 0;        // frames received in it
  };
  std::map<std::string, Pace> pace_;  // node id -> its rate of frames
  std::uint64_t received_ = 0;
};

}  // namespace hw
