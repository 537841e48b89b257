#include "engine/net/FrameReport.h"

#include <cmath>
#include <stdexcept>

#include "engine/net/Base64.h"

namespace hw {

namespace {

constexpr std::int64_t kMostMovieFrames = std::int64_t{1} << 40;  // more is no real frame number
constexpr std::uint64_t kMostCaptureId = std::uint64_t{1} << 53;  // ids a JSON number holds exactly

// A capture id as a message carries it: 1 to kMostCaptureId; 0 when `value` is none.
std::uint64_t captureId(const nlohmann::json& value) {
  if (!value.is_number_unsigned()) return 0;
  std::uint64_t id = value.get<std::uint64_t>();
  return id <= kMostCaptureId ? id : 0;
}

}  // namespace

nlohmann::json frameReportToJson(const FrameReport& report) {
  nlohmann::json message = {
      {"type", "frame"}, {"cue", report.cue}, {"at", report.at}, {"png", base64Encode(report.png)}};
  if (report.movieFrame >= 0) message["movie_frame"] = report.movieFrame;
  if (report.capture > 0) message["capture"] = report.capture;
  return message;
}

FrameReport frameReportFromJson(const nlohmann::json& message) {
  auto cue = message.find("cue");
  auto at = message.find("at");
  auto png = message.find("png");
  if (cue == message.end() || !cue->is_number_integer())
    throw std::runtime_error("no integer \"cue\"");
  if (at == message.end() || !at->is_number()) throw std::runtime_error("no number \"at\"");
  if (png == message.end() || !png->is_string()) throw std::runtime_error("no string \"png\"");
  const std::string& text = png->get_ref<const std::string&>();
  if (text.size() > (kMaxFramePngBytes + 2) / 3 * 4)
    throw std::runtime_error("a picture of " + std::to_string(text.size() / 4 * 3) +
                             " bytes (at most " + std::to_string(kMaxFramePngBytes) + ")");
  std::int64_t movieFrame = -1;
  if (auto frame = message.find("movie_frame"); frame != message.end()) {
    if (!frame->is_number_integer() || frame->get<std::int64_t>() < 0 ||
        frame->get<std::int64_t>() > kMostMovieFrames)
      throw std::runtime_error("\"movie_frame\" is no frame number");
    movieFrame = frame->get<std::int64_t>();
  }
  std::uint64_t capture = 0;
  if (auto id = message.find("capture"); id != message.end()) {
    capture = captureId(*id);
    if (capture == 0) throw std::runtime_error("\"capture\" is no request id");
  }
  return {cue->get<int>(), at->get<double>(), base64Decode(text), movieFrame, capture};
}

nlohmann::json captureRequestToJson(const CaptureRequest& request) {
  return {{"type", "capture"}, {"id", request.id}, {"at", request.at}};
}

CaptureRequest captureRequestFromJson(const nlohmann::json& message) {
  std::uint64_t id = captureId(message.value("id", nlohmann::json()));
  if (id == 0) throw std::runtime_error("a capture request without an \"id\" from 1 to 2^53");
  const nlohmann::json at = message.value("at", nlohmann::json());
  if (!at.is_number() || !std::isfinite(at.get<double>()))
    throw std::runtime_error("a capture request without a number \"at\"");
  return {id, at.get<double>()};
}

}  // namespace hw
