#pragma once

#include <chrono>
#include <string>

namespace hw {

// Tells systemd how a Type=notify service is doing (sd_notify): READY=1 once
// it serves, STOPPING=1 when it stops, and WATCHDOG=1 from its main loop so
// that a loop that hangs, not only a process that dies, gets it restarted
// (the unit's WatchdogSec). Everything is a no-op outside systemd, where
// NOTIFY_SOCKET is unset.
class ServiceNotifier {
 public:
  ServiceNotifier();  // reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID

  void ready();
  void stopping();
  // Called every turn of the main loop, as often as it likes: pings the
  // watchdog once a quarter of its interval has passed since the last ping,
  // so a loop turning at least that often is never late.
  void loopTurned();

  // The watchdog's interval, zero when systemd set none for this process.
  std::chrono::microseconds watchdogInterval() const { return interval_; }
  // How often a loop that only turns to ping should turn.
  std::chrono::microseconds pingPeriod() const { return interval_ / 4; }

 private:
  void send(const std::string& state);

  std::chrono::microseconds interval_{0};
  std::chrono::steady_clock::time_point lastPing_;
  bool warned_ = false;  // a failed notification is said once, not every ping
};

}  // namespace hw
