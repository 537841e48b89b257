#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "engine/control/GuardedHttpServer.h"
#include "engine/net/AssetManifest.h"

namespace hw {

// Serves the show's files over HTTP as GET /assets/<sha256>, by digest only:
// no request can name a path, so nothing but the loaded show's files is ever
// read. Requests must carry the wall key in X-Hyperwall-Key (wrong keys
// count against the address like the control API's). Byte ranges
// are honoured so that nodes resume interrupted downloads.
class AssetServer {
 public:
  AssetServer(AssetManifest manifest, std::string key);
  ~AssetServer();
  AssetServer(const AssetServer&) = delete;
  AssetServer& operator=(const AssetServer&) = delete;

  // Binds now and serves on a thread, returning once requests are answered;
  // throws std::runtime_error when it cannot bind or start serving.
  void start(const std::string& bindAddress, int port);
  void stop();
  // Serves `manifest` from now on (another show); any thread. Requests
  // already streaming a file finish it.
  void setManifest(AssetManifest manifest);
  // For other routes on the same port (the control API); add them before start().
  GuardedHttpServer& server() { return *server_; }

 private:
  std::mutex manifestMutex_;  // guards manifest_: set by the io thread, read by HTTP threads
  AssetManifest manifest_;
  std::string key_;
  std::unique_ptr<GuardedHttpServer> server_;
  std::thread thread_;
};

}  // namespace hw
