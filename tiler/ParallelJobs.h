#pragma once

#include <functional>

namespace hw {

// Runs job(0) .. job(count - 1) on every core (std::thread::hardware_concurrency,
// at most `count` threads), each job exactly once, and returns when all are
// done. The first exception a job throws is rethrown here; jobs not yet
// started are then skipped.
void runParallel(int count, const std::function<void(int)>& job);

}  // namespace hw
