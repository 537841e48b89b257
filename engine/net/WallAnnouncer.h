#pragma once

#include <functional>
#include <string>

#include "engine/net/MasterAnnouncement.h"

struct AvahiThreadedPoll;
struct AvahiClient;
struct AvahiEntryGroup;

namespace hw {

// Announces the master through DNS-SD (the Avahi daemon, over the D-Bus
// system bus): a `_hyperwall._tcp` service on the wall port whose TXT records
// MasterAnnouncement writes. Without a daemon it says so once and announces
// when one starts; it announces again when the daemon restarts, and under
// another name ("lobby #2") when its name is taken. Runs on Avahi's own thread.
class WallAnnouncer {
 public:
  using Log = std::function<void(const std::string&)>;  // called on Avahi's thread

  WallAnnouncer(MasterAnnouncement announcement, int wallPort, Log log);
  ~WallAnnouncer();
  WallAnnouncer(const WallAnnouncer&) = delete;
  WallAnnouncer& operator=(const WallAnnouncer&) = delete;

 private:
  friend struct WallAnnouncerEvents;
  void connect();
  void publish();
  void withdraw();

  MasterAnnouncement announcement_;
  int wallPort_;
  Log log_;
  std::string name_;           // the instance name, changed on a collision
  bool saidNoDaemon_ = false;  // the "no Avahi daemon" line is said once
  AvahiThreadedPoll* poll_ = nullptr;
  AvahiClient* client_ = nullptr;
  AvahiEntryGroup* group_ = nullptr;
};

}  // namespace hw
