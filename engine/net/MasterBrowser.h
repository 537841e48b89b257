#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>

#include "engine/net/MasterAddress.h"
#include "engine/net/MasterAnnouncement.h"

struct AvahiSimplePoll;
struct AvahiClient;
struct AvahiServiceBrowser;

namespace hw {

// A master of the wall a node or `ctl` looks for, as DNS-SD resolved it.
struct FoundMaster {
  MasterAddress address;
  MasterAnnouncement announcement;
};

// Browses DNS-SD through the Avahi daemon (D-Bus system bus) for the master
// announcing the wall `wall` (WallAnnouncer), IPv4 addresses only.
class MasterBrowser {
 public:
  explicit MasterBrowser(std::string wall);
  ~MasterBrowser();
  MasterBrowser(const MasterBrowser&) = delete;
  MasterBrowser& operator=(const MasterBrowser&) = delete;

  // Why there is no Avahi daemon to ask (e.g. "Daemon not running"); "" while
  // browsing. Set from the start, or when the daemon goes away.
  const std::string& daemonProblem() const { return problem_; }

  // Browses until a master of the wall resolves, `wait` passes, `stop` is set
  // or the daemon goes away.
  std::optional<FoundMaster> find(std::chrono::milliseconds wait, const std::atomic<bool>& stop);

 private:
  friend struct MasterBrowserEvents;
  std::string wall_;
  std::string problem_;
  std::optional<FoundMaster> found_;
  AvahiSimplePoll* poll_ = nullptr;
  AvahiClient* client_ = nullptr;
  AvahiServiceBrowser* browser_ = nullptr;
};

}  // namespace hw
