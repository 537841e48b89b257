#pragma once

#include <httplib.h>

#include <atomic>
#include <memory>

#include "engine/control/HttpLimits.h"
#include "engine/control/KeyAttempts.h"

namespace hw {

class RequestHeadGate;

// The master's HTTP server: httplib's routing and replies, with connections
// held by a RequestHeadGate until a request is whole, so slow or oversized
// requests never occupy one of the `workers` threads. It binds its port
// alone (no SO_REUSEPORT: a second master on a busy port fails to start) and
// keeps the record of wrong keys that every keyed route on the port shares.
class GuardedHttpServer : public httplib::Server {
 public:
  explicit GuardedHttpServer(HttpLimits limits = {}, KeyAttempts::Log log = nullptr);
  ~GuardedHttpServer() override;

  // Largest request body, in bytes (413 above); call before listening.
  void setMaxBodyBytes(std::size_t bytes);
  const HttpLimits& limits() const { return limits_; }
  // True while listen_after_bind serves requests (its gate and workers exist).
  bool listening() const { return listening_ != nullptr; }
  KeyAttempts& keyAttempts() { return keyAttempts_; }

 private:
  class Listening;
  bool process_and_close_socket(socket_t sock) override;

  HttpLimits limits_;
  KeyAttempts keyAttempts_;
  std::atomic<Listening*> listening_{nullptr};  // set while listen_after_bind runs
};

}  // namespace hw
