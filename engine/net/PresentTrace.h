#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace hw {

// Testing only (`node --present-trace FILE`): one line per movie frame a
// headless node presents, "TRUE_MASTER_S HOST_S CUE TICK", so the sync
// benchmark can judge each present against the frame the master's clock
// says at that instant. TRUE_MASTER_S is the master's time at the present
// read from this host's monotonic clock (HOST_S) and the master's epoch:
// the truth only while master and node share the host, as in the benchmark.
class PresentTrace {
 public:
  // Appends to `path` (a restarted node continues the file); "" writes nothing.
  // Throws std::runtime_error naming the file when it cannot be opened.
  explicit PresentTrace(const std::string& path);

  // Each line is flushed: a killed node loses no present it made.
  void write(double trueMaster, double host, int cue, std::int64_t tick);

 private:
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
};

}  // namespace hw
