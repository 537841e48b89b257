#pragma once

#include <httplib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "engine/control/ControlApi.h"
#include "engine/control/PlaylistWallController.h"
#include "tests/support/TempFolder.h"

namespace hw::test {

// A wall in this process behind the real control API, served by a real
// httplib server on an ephemeral loopback port. Shows are folders of PNGs
// under showFolder(): "three" (red, green, blue) and "two" (white, grey);
// outsideFolder() holds a show the API must refuse to load.
class TestWall {
 public:
  static constexpr const char* kKey = "test-key-6b1f0c9d2e7a4f35";

  explicit TestWall(ControlSettings settings = defaultSettings(), WallConfig wall = defaultWall(),
                    KeyAttempts::Log log = nullptr);
  ~TestWall();
  TestWall(const TestWall&) = delete;
  TestWall& operator=(const TestWall&) = delete;

  static ControlSettings defaultSettings();
  static WallConfig defaultWall();  // the 3x3-1080p preset

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  PlaylistWallController& controller() { return controller_; }
  const std::filesystem::path& root() const { return folder_.path(); }
  std::filesystem::path showFolder() const { return folder_.path() / "shows"; }
  std::filesystem::path outsideFolder() const { return folder_.path() / "elsewhere"; }

  // A client for this wall; with `keyed`, it sends the wall key.
  std::unique_ptr<httplib::Client> client(bool keyed = true) const;

 private:
  TempFolder folder_;
  PlaylistWallController controller_;
  GuardedHttpServer server_;
  std::unique_ptr<ControlApi> api_;
  int port_ = 0;
  std::thread listener_;
};

// The show at `source` as hwshow's loadShow reads it for a 3x3-1080p wall,
// every cue lasting 600 s, or the seconds in a show folder's file "seconds".
Playlist testShow(const std::string& source);

}  // namespace hw::test
