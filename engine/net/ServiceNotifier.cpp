#include "engine/net/ServiceNotifier.h"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <cstring>
#include <iostream>

namespace hw {

ServiceNotifier::ServiceNotifier() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0) interval_ = std::chrono::microseconds(usec);
}

void ServiceNotifier::ready() { send("READY=1"); }

void ServiceNotifier::stopping() { send("STOPPING=1"); }

void ServiceNotifier::loopTurned() {
  if (interval_.count() == 0) return;
  auto now = std::chrono::steady_clock::now();
  if (now - lastPing_ < pingPeriod()) return;
  lastPing_ = now;
  send("WATCHDOG=1");
}

void ServiceNotifier::send(const std::string& state) {
  int sent = sd_notify(0, state.c_str());
  if (sent >= 0 || warned_) return;
  warned_ = true;
  std::cerr << "hyperwall: warning: cannot tell systemd " << state << ": " << std::strerror(-sent)
            << "\n";
}

}  // namespace hw
