#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace hw::test {

// Whether `condition` holds within `timeout`, asked every 50 ms.
inline bool pollUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(
        std::chrono::milliseconds(50));  // polling interval, not synchronisation
  }
  return condition();
}

}  // namespace hw::test
