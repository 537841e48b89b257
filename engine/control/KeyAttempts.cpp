#include "engine/control/KeyAttempts.h"

#include <algorithm>
#include <iostream>

namespace hw {

KeyAttempts::KeyAttempts(Log log) : log_(std::move(log)) {
  if (!log_) log_ = [](const std::string& line) { std::cerr << "http: " << line << "\n"; };
}

std::chrono::seconds KeyAttempts::waitFor(const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto found = records_.find(address);
  if (found == records_.end() || found->second.lockedUntil <= now) return std::chrono::seconds(0);
  return std::chrono::ceil<std::chrono::seconds>(found->second.lockedUntil - now);
}

void KeyAttempts::failed(const std::string& address, const std::string& what,
                         Clock::time_point now) {
  std::string line;
  {
    std::lock_guard lock(mutex_);
    auto found = records_.find(address);
    if (found != records_.end() && now - found->second.last > kForget) records_.erase(found);
    if (records_.size() >= kMaxAddresses && !records_.count(address)) {
      records_.erase(std::min_element(records_.begin(), records_.end(), [](auto& a, auto& b) {
        return a.second.last < b.second.last;
      }));
    }
    Record& record = records_[address];
    bool first = record.failures == 0;
    ++record.failures;
    ++record.unlogged;
    record.last = now;
    std::chrono::seconds wait(0);
    if (record.failures > kFreeFailures) {
      int doublings = std::min(record.failures - kFreeFailures - 1, 6);
      wait = std::min<std::chrono::seconds>(std::chrono::seconds(1 << doublings), kMaxWait);
      record.lockedUntil = now + wait;
    }
    if (first || now - record.loggedAt >= kLogEvery) {
      line = "wrong wall key from " + address + " (" + what + "); " +
             std::to_string(record.unlogged) + " since the last report, " +
             std::to_string(record.failures) + " in a row" +
             (wait.count() > 0 ? "; it must wait " + std::to_string(wait.count()) + " s" : "");
      record.loggedAt = now;
      record.unlogged = 0;
    }
  }
  if (!line.empty()) log_(line);
}

void KeyAttempts::succeeded(const std::string& address) {
  std::lock_guard lock(mutex_);
  records_.erase(address);
}

}  // namespace hw
