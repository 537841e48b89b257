#pragma once

#include <httplib.h>

#include <cstdint>
#include <memory>

#include "engine/control/ControlSettings.h"
#include "engine/control/GuardedHttpServer.h"
#include "engine/control/OperatorLog.h"
#include "engine/control/WallController.h"

namespace hw {

struct ControlApiState;

// The REST control API, its event stream and the web remote, mounted onto a
// server that may serve other routes too (the master's assets). Routes, auth
// and errors: docs/api.md. It also sets the server's error handler (every
// error body becomes {"error": ...}) and its body limit.
//
// `wall` must outlive the server's request threads. Before server.stop(),
// call closeEventStreams() (or destroy this), or stop() waits on open streams.
class ControlApi {
 public:
  ControlApi(GuardedHttpServer& server, WallController& wall, ControlSettings settings,
             OperatorLog log = {});
  ~ControlApi();
  ControlApi(const ControlApi&) = delete;
  ControlApi& operator=(const ControlApi&) = delete;

  void closeEventStreams();

 private:
  std::shared_ptr<ControlApiState> state_;
  std::uint64_t subscription_;
};

// The same as constructing a ControlApi; the result must live as long as the
// routes are served.
std::unique_ptr<ControlApi> mountControlApi(GuardedHttpServer& server, WallController& wall,
                                            const ControlSettings& settings, OperatorLog log = {});

}  // namespace hw
