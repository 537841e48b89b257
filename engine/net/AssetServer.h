#pragma once

#include <memory>
#include <string>
#include <thread>

#include "engine/net/AssetManifest.h"

namespace httplib {
class Server;
}

namespace hw {

// Serves the show's files over HTTP as GET /assets/<sha256>, by digest only:
// no request can name a path, so nothing but the loaded show's files is ever
// read. Requests must carry the wall key in X-Hyperwall-Key. Byte ranges
// are honoured so that nodes resume interrupted downloads.
class AssetServer {
 public:
  AssetServer(AssetManifest manifest, std::string key);
  ~AssetServer();
  AssetServer(const AssetServer&) = delete;
  AssetServer& operator=(const AssetServer&) = delete;

  // Binds now (throws std::runtime_error when it cannot) and serves on a thread.
  void start(const std::string& bindAddress, int port);
  void stop();

 private:
  AssetManifest manifest_;
  std::string key_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
};

}  // namespace hw
