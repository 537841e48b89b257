#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/net/NetemRelay.h"

namespace hw::bench {

// What the sync benchmarks start: a master on loopback and `nodes` headless
// nodes on a square grid, each with a random simulated clock offset (+-10 s)
// and drift (+-200 ppm), through the netem relay on 127.0.0.2 when asked.
struct BenchWallSettings {
  int nodes = 9;
  bool netem = false;                   // true: nodes reach the master through NetemRelay
  int port = 27400;                     // master TCP/UDP port; HTTP on port + 1
  std::string exe;                      // the hyperwall program
  std::filesystem::path dir;            // logs, caches, wall.json, state.json
  nlohmann::json display;               // the wall's display {width, height} (px)
  std::vector<std::string> masterArgs;  // the show and its options, after "master"
  std::filesystem::path
      traceDir;  // "" = none; else every node writes ID.trace there (PresentTrace)
};

class BenchWall {
 public:
  static constexpr const char* kKey = "sync-bench-wall-key";

  // Writes the wall, starts the master, the relay and the nodes.
  explicit BenchWall(BenchWallSettings settings);
  // Stops every node and the master (SIGTERM, then waits).
  ~BenchWall();
  BenchWall(const BenchWall&) = delete;
  BenchWall& operator=(const BenchWall&) = delete;

  pid_t master() const { return master_; }
  pid_t node(int node) const { return nodes_.at(node); }
  const std::vector<std::string>& nodeIds() const { return ids_; }
  std::filesystem::path traceOf(int node) const;
  // Kills node `node` at once (SIGKILL, as a crash) and starts it again with
  // the same clock error, cache and trace.
  void restart(int node);
  // Kills the master at once (SIGKILL, as a crash) and starts it again with
  // the same arguments and state file, so it resumes the show it was playing.
  void restartMaster();
  // GET `path` of the master's control API; null when it does not answer.
  nlohmann::json api(const std::string& path) const;

 private:
  pid_t startNode(int node) const;
  pid_t startMaster() const;

  BenchWallSettings settings_;
  pid_t master_ = -1;
  std::unique_ptr<NetemRelay> relay_;
  std::string nodeTarget_;
  std::vector<std::string> ids_;
  std::vector<std::pair<double, double>> clockErrors_;  // per node: offset ms, drift ppm
  std::vector<pid_t> nodes_;
};

}  // namespace hw::bench
