#include "tests/control/TestWall.h"

#include <chrono>
#include <fstream>
#include <stdexcept>

#include "config/WallConfigLoader.h"
#include "hwshow/ShowLoader.h"
#include "tests/control/TestImages.h"

namespace hw::test {
namespace fs = std::filesystem;

Playlist testShow(const std::string& source) {
  Playlist show = loadShow({source}, loadWallConfig("3x3-1080p"));
  // A "seconds" file in a show folder sets how long each cue lasts; else cues
  // wait for commands.
  double seconds = 600;
  std::ifstream(fs::path(source) / "seconds") >> seconds;
  for (Cue& cue : show.cues) cue.durationSeconds = seconds;
  return show;
}

ControlSettings TestWall::defaultSettings() {
  ControlSettings settings;
  settings.bindAddress = "127.0.0.1";
  settings.key = kKey;
  settings.maxBodyBytes = 4096;
  return settings;
}

WallConfig TestWall::defaultWall() { return loadWallConfig("3x3-1080p"); }

TestWall::TestWall(ControlSettings settings, WallConfig wall, KeyAttempts::Log log)
    : folder_("hyperwall-control"),
      controller_(std::move(wall), testShow),
      server_({}, std::move(log)) {
  fs::create_directories(showFolder() / "three");
  fs::create_directories(showFolder() / "two");
  fs::create_directories(outsideFolder() / "secret");
  writeSolidPng(showFolder() / "three" / "1-red.png", 64, 36, {255, 0, 0});
  writeSolidPng(showFolder() / "three" / "2-green.png", 64, 36, {0, 255, 0});
  writeSolidPng(showFolder() / "three" / "3-blue.png", 64, 36, {0, 0, 255});
  writeSolidPng(showFolder() / "two" / "1-white.png", 64, 36, {255, 255, 255});
  writeSolidPng(showFolder() / "two" / "2-grey.png", 64, 36, {128, 128, 128});
  writeSolidPng(outsideFolder() / "secret" / "1-black.png", 64, 36, {0, 0, 0});
  if (settings.showFolders.empty()) settings.showFolders = {showFolder()};

  controller_.load((showFolder() / "three").string());
  std::string address = settings.bindAddress;
  api_ = mountControlApi(server_, controller_, settings);
  port_ = server_.bind_to_any_port(address);
  if (port_ <= 0) throw std::runtime_error("cannot bind a loopback port");
  listener_ = std::thread([this] { server_.listen_after_bind(); });
  // stop() does nothing before the server runs, so wait for that (bounded).
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!server_.is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
  if (!server_.is_running()) throw std::runtime_error("the control server did not start");
}

TestWall::~TestWall() {
  api_->closeEventStreams();
  server_.stop();
  listener_.join();
}

std::unique_ptr<httplib::Client> TestWall::client(bool keyed) const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client->set_connection_timeout(5);
  client->set_read_timeout(10);
  if (keyed) client->set_bearer_token_auth(kKey);
  return client;
}

}  // namespace hw::test
