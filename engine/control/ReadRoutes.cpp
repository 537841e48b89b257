#include <algorithm>
#include <optional>
#include <string>

#include "config/LogText.h"
#include "engine/control/ApiReplies.h"
#include "engine/control/ControlRoutes.h"
#include "engine/control/PlaylistJson.h"

namespace hw {
namespace {

using Reply =
    std::function<void(ControlApiState& state, const httplib::Request&, httplib::Response&)>;

// Read-only routes answer only those allowed to read, and never throw.
httplib::Server::Handler reader(std::shared_ptr<ControlApiState> state, Reply reply) {
  return [state, reply](const httplib::Request& req, httplib::Response& res) {
    KeyCheck check = state->checkKey(req);
    if (!state->mayRead(check)) return refuseKey(res, check);
    try {
      reply(*state, req, res);
    } catch (const std::exception& e) {
      replyError(res, 500, e.what());
    }
  };
}

void replyPng(httplib::Response& res, const std::string& png) {
  res.set_header("Cache-Control", "no-store");
  res.set_content(png, "image/png");
}

void thumbnail(ControlApiState& state, const httplib::Request& req, httplib::Response& res) {
  const std::string& digits = req.matches[1].str();
  int count = state.wall.status().cueCount;
  int cue = digits.size() > 6 ? 0 : std::stoi(digits);
  if (cue < 1 || cue > count) {
    return replyError(res, 404,
                      "no cue " + digits + ": the show has " + std::to_string(count) + " cues");
  }
  std::string png = state.wall.cueThumbnailPng(cue - 1);
  if (png.empty()) return replyError(res, 404, "cue " + digits + " has no picture");
  replyPng(res, png);
}

// `?at=`: the wall at one instant, what each node captured in X-Hyperwall-Capture.
void screenshot(ControlApiState& state, const httplib::Request& req, httplib::Response& res) {
  if (!req.has_param("at")) return replyPng(res, state.wall.screenshotPng());
  std::string text = req.get_param_value("at");
  // An unencoded "+" arrives as the space a query decodes it to.
  if (!text.empty() && text.front() == ' ') text.front() = '+';
  std::optional<CaptureInstant> instant = parseCaptureInstant(text);
  if (!instant)
    return replyError(res, 400,
                      "at=\"" + logSafe(text) +
                          "\" is no instant: master seconds (e.g. at=1795532601.5), +S seconds "
                          "from now (at=%2B0.5) or nothing (0.5 s from now)");
  try {
    WallShot shot = state.wall.screenshotAt(*instant);
    res.set_header("X-Hyperwall-Capture", shot.capture.dump(-1, ' ', true));
    replyPng(res, shot.png);
  } catch (const CommandRefused& e) {
    if (e.reason() == RefusalReason::Busy) res.set_header("Retry-After", "1");
    replyError(res, httpStatusFor(e.reason()), e.what());
  }
}

void nodeFrame(ControlApiState& state, const httplib::Request& req, httplib::Response& res) {
  const std::string& id = req.matches[1].str();
  std::string png = state.wall.nodeFramePng(id);
  if (png.empty()) return replyError(res, 404, "node " + id + " has reported no picture");
  replyPng(res, png);
}

}  // namespace

void mountReadRoutes(httplib::Server& server, const std::shared_ptr<ControlApiState>& state) {
  server.Get("/api/status", reader(state, [](ControlApiState& s, const auto&, auto& res) {
               replyJson(res, 200, toJson(s.wall.status()));
             }));
  server.Get("/api/playlist", reader(state, [](ControlApiState& s, const auto&, auto& res) {
               int generation = s.wall.status().showGeneration;
               replyJson(res, 200, playlistToJson(s.wall.playlist(), generation));
             }));
  server.Get("/api/schedule", reader(state, [](ControlApiState& s, const auto&, auto& res) {
               std::optional<ScheduleReport> schedule = s.wall.schedule();
               if (!schedule)
                 return replyError(res, 404,
                                   "this wall has no opening hours (hyperwall master --schedule "
                                   "FILE): it plays until told otherwise");
               replyJson(res, 200, toJson(*schedule));
             }));
  server.Get("/api/log", [state](const httplib::Request& req, httplib::Response& res) {
    // Operators' addresses and what they did: keyed even where status is open.
    KeyCheck check = state->checkKey(req);
    if (!check.granted()) return refuseKey(res, check);
    if (!state->log.events) return replyError(res, 404, "this wall keeps no log (a master does)");
    const std::string after = req.get_param_value("after");
    constexpr std::size_t kMaxDigits = 18;  // below 2^63
    if (after.size() > kMaxDigits ||
        !std::all_of(after.begin(), after.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return replyError(res, 400, "after: not an event number (the \"seq\" of the last one read)");
    nlohmann::json events = nlohmann::json::array();
    for (const WallEvent& e : state->log.events->after(after.empty() ? 0 : std::stoull(after)))
      events.push_back({{"seq", e.seq}, {"at", e.at}, {"clock", e.clock}, {"text", e.text}});
    replyJson(res, 200, {{"events", events}});
  });
  server.Get("/api/screenshot.png", reader(state, screenshot));
  server.Get(R"(/api/cues/(\d+)/thumbnail\.png)", reader(state, thumbnail));
  server.Get(R"(/api/nodes/([A-Za-z0-9_.-]{1,64})/frame\.png)", reader(state, nodeFrame));
}

}  // namespace hw
