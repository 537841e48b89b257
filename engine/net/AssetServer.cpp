#include "engine/net/AssetServer.h"

#include <httplib.h>

#include <chrono>
#include <fstream>
#include <future>
#include <optional>
#include <stdexcept>

#include "engine/control/WallKeyCheck.h"

namespace hw {

AssetServer::AssetServer(AssetManifest manifest, std::string key)
    : manifest_(std::move(manifest)),
      key_(std::move(key)),
      server_(std::make_unique<GuardedHttpServer>()) {
  server_->Get(R"(/assets/([0-9a-f]{64}))", [this](const httplib::Request& request,
                                                   httplib::Response& response) {
    KeyCheck check = checkWallKey(server_->keyAttempts(), request,
                                  request.get_header_value("X-Hyperwall-Key"), key_);
    if (check.verdict == KeyCheck::Verdict::Waiting) return refuseKey(response, check);
    if (!check.granted()) {
      response.status = 403;
      response.set_content("wrong wall key\n", "text/plain");
      return;
    }
    std::optional<AssetEntry> entry;
    {
      std::lock_guard lock(manifestMutex_);
      if (const AssetEntry* found = manifest_.find(request.matches[1].str())) entry = *found;
    }
    if (!entry) {
      response.status = 404;
      response.set_content("not a file of this show\n", "text/plain");
      return;
    }
    auto file = std::make_shared<std::ifstream>(entry->path, std::ios::binary);
    if (!*file) {
      response.status = 500;
      response.set_content("the master cannot read this file any more\n", "text/plain");
      return;
    }
    response.set_content_provider(
        static_cast<std::size_t>(entry->size), "application/octet-stream",
        [file](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
          std::vector<char> chunk(std::min<std::size_t>(length, 1 << 16));
          file->clear();
          file->seekg(static_cast<std::streamoff>(offset));
          file->read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
          auto got = static_cast<std::size_t>(file->gcount());
          if (got == 0) return false;
          sink.write(chunk.data(), got);
          return true;
        });
  });
}

AssetServer::~AssetServer() { stop(); }

void AssetServer::start(const std::string& bindAddress, int port) {
  if (!server_->bind_to_port(bindAddress.c_str(), port))
    throw std::runtime_error("cannot listen on HTTP port " + std::to_string(port) + " at " +
                             bindAddress + ": in use (another master?) or not a local address");
  auto failure = std::make_shared<std::promise<std::string>>();
  std::future<std::string> failed = failure->get_future();
  thread_ = std::thread([this, failure] {
    try {
      server_->listen_after_bind();
      failure->set_value("");
    } catch (const std::exception& e) {  // e.g. out of descriptors for the gate
      failure->set_value(e.what());
    }
  });
  // "serving" is said only once the port answers: a master whose descriptors
  // run out later still has its HTTP port, and one that cannot start says why.
  constexpr auto kStartLimit = std::chrono::seconds(10);
  auto deadline = std::chrono::steady_clock::now() + kStartLimit;
  while (!server_->listening() && std::chrono::steady_clock::now() < deadline)
    if (failed.wait_for(std::chrono::milliseconds(1)) == std::future_status::ready) {
      thread_.join();
      std::string why = failed.get();
      throw std::runtime_error("cannot serve HTTP port " + std::to_string(port) + ": " +
                               (why.empty() ? "it stopped at once" : why));
    }
}

void AssetServer::setManifest(AssetManifest manifest) {
  std::lock_guard lock(manifestMutex_);
  manifest_ = std::move(manifest);
}

void AssetServer::stop() {
  if (thread_.joinable()) {
    server_->stop();
    thread_.join();
  }
}

}  // namespace hw
