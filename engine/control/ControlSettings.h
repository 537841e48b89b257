#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace hw {

// How the control API is exposed. Defaults suit an exhibit LAN: reachable from
// the operators' laptops and phones, every change keyed, status readable.
struct ControlSettings {
  std::string bindAddress = "0.0.0.0";  // interface to listen on; "127.0.0.1" = this machine only
  int port = 8700;                      // TCP port for control, the web remote and assets
  std::string key;                      // the wall key every changing command must carry
  bool statusNeedsKey = false;  // true: status, playlist, screenshots and events need it too
  std::size_t maxBodyBytes = 16 * 1024;  // bytes, largest request body accepted (413 above)
  std::vector<std::filesystem::path> showFolders;  // local shows may only be loaded from these
  int maxEventStreams = 4;  // concurrent /api/events clients with the key (each holds a thread)
  int maxKeylessEventStreams = 2;  // more without the key, when status is open; apart from those 4
  std::chrono::milliseconds eventInterval{1000};  // ms, status is re-sent at least this often
};

}  // namespace hw
