#include "engine/net/FrameReport.h"

#include <stdexcept>

#include "engine/net/Base64.h"

namespace hw {

namespace {

constexpr std::int64_t kMostMovieFrames = std::int64_t{1} << 40;  // more is no real frame number

}  // namespace

nlohmann::json frameReportToJson(const FrameReport& report) {
  nlohmann::json message = {
      {"type", "frame"}, {"cue", report.cue}, {"at", report.at}, {"png", base64Encode(report.png)}};
  if (report.movieFrame >= 0) message["movie_frame"] = report.movieFrame;
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
  return {cue->get<int>(), at->get<double>(), base64Decode(text), movieFrame};
}

}  // namespace hw
