#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/net/CaptureRequests.h"

namespace hw {

// A node's "frame" message (docs/protocol.md): a small picture of what it
// showed, so the master can compose a screenshot of the real wall.
struct FrameReport {
  int cue = -1;     // cue on the node's display (-1: none, the stopped show's black)
  double at = 0;    // master s, when the node showed the picture
  std::string png;  // PNG file bytes: the framebuffer scaled to fit kFrameSide
  std::int64_t movieFrame = -1;  // frame of the cue's movie in the picture (0-based; -1: none)
  std::uint64_t capture = 0;  // the master's capture request it answers (0: none, a plain report)
};

// Pixels across or down a reported frame at most; the master refuses larger ones.
constexpr int kFrameSide = 320;
// PNG bytes of a reported frame at most; the master refuses larger ones.
constexpr std::size_t kMaxFramePngBytes = 384u << 10;

nlohmann::json frameReportToJson(const FrameReport& report);
// Throws std::runtime_error naming what is wrong: missing or mistyped
// fields, a picture over kMaxFramePngBytes, base64 that does not decode, a
// movie frame that is no frame number, a capture that is no request id.
FrameReport frameReportFromJson(const nlohmann::json& message);

// The master's "capture" message: the picture on the display at an instant.
nlohmann::json captureRequestToJson(const CaptureRequest& request);
// Throws std::runtime_error naming what is wrong: an id that is no request
// id, an instant that is no finite number.
CaptureRequest captureRequestFromJson(const nlohmann::json& message);

}  // namespace hw
