#include <string>

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
  server.Get("/api/screenshot.png", reader(state, [](ControlApiState& s, const auto&, auto& res) {
               replyPng(res, s.wall.screenshotPng());
             }));
  server.Get(R"(/api/cues/(\d+)/thumbnail\.png)", reader(state, thumbnail));
  server.Get(R"(/api/nodes/([A-Za-z0-9_.-]{1,64})/frame\.png)", reader(state, nodeFrame));
}

}  // namespace hw
