#include "engine/control/ControlApi.h"

#include <string>

#include "engine/control/ApiReplies.h"
#include "engine/control/ControlApiState.h"
#include "engine/control/ControlRoutes.h"

namespace hw {
namespace {

// Routes that exist with the other method answer 405 rather than 404, so a
// client that GETs /api/next learns it must POST.
void mountWrongMethodReplies(httplib::Server& server) {
  for (const char* path :
       {"/api/play", "/api/pause", "/api/resume", "/api/stop", "/api/next", "/api/previous",
        "/api/goto", "/api/seek", "/api/load", "/api/pattern", "/api/blank"}) {
    server.Get(path, [](const httplib::Request& req, httplib::Response& res) {
      res.set_header("Allow", "POST");
      replyError(res, 405, req.path + " changes the wall: use POST");
    });
  }
  for (const char* path :
       {"/api/status", "/api/playlist", "/api/schedule", "/api/screenshot.png", "/api/events"}) {
    server.Post(path, [](const httplib::Request& req, httplib::Response& res) {
      res.set_header("Allow", "GET");
      replyError(res, 405, req.path + " only reads: use GET");
    });
  }
}

// Errors httplib raises itself (no route, body too large) get a JSON body too.
void setJsonErrorBodies(httplib::Server& server, std::size_t maxBodyBytes) {
  httplib::Server::HandlerWithResponse handler = [maxBodyBytes](const httplib::Request& req,
                                                                httplib::Response& res) {
    if (!res.body.empty() || res.has_header("Content-Type")) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    std::string message = "HTTP " + std::to_string(res.status);
    if (res.status == 404) message = "no such route: " + req.method + " " + req.path;
    if (res.status == 413) {
      message = "request body is larger than " + std::to_string(maxBodyBytes) + " bytes";
    }
    if (res.status == 400) message = "malformed HTTP request (a POST needs Content-Length)";
    replyError(res, res.status, message);
    return httplib::Server::HandlerResponse::Handled;
  };
  server.set_error_handler(std::move(handler));
}

}  // namespace

ControlApi::ControlApi(GuardedHttpServer& server, WallController& wall, ControlSettings settings,
                       OperatorLog log)
    : state_(new ControlApiState{wall, std::move(settings), server.keyAttempts(), {},
                                 std::move(log)}) {
  server.setMaxBodyBytes(state_->settings.maxBodyBytes);
  setJsonErrorBodies(server, state_->settings.maxBodyBytes);
  mountCommandRoutes(server, state_);
  mountReadRoutes(server, state_);
  mountEventStreamRoute(server, state_);
  mountWebRemoteRoutes(server);
  mountWrongMethodReplies(server);
  // The signal outlives this object inside the shared state, so a late
  // notification after unsubscribe cannot touch freed memory.
  std::weak_ptr<ControlApiState> weak = state_;
  subscription_ = wall.subscribe([weak] {
    if (auto state = weak.lock()) state->signal.notify();
  });
}

ControlApi::~ControlApi() {
  state_->wall.unsubscribe(subscription_);
  closeEventStreams();
}

void ControlApi::closeEventStreams() { state_->signal.close(); }

std::unique_ptr<ControlApi> mountControlApi(GuardedHttpServer& server, WallController& wall,
                                            const ControlSettings& settings, OperatorLog log) {
  return std::make_unique<ControlApi>(server, wall, settings, std::move(log));
}

}  // namespace hw
