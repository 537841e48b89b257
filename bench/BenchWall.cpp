#include "bench/BenchWall.h"

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <random>
#include <thread>

#include "bench/BenchProcess.h"
#include "config/WallConfigLoader.h"

namespace hw::bench {

BenchWall::BenchWall(BenchWallSettings settings) : settings_(std::move(settings)) {
  const auto& dir = settings_.dir;
  int side = static_cast<int>(std::ceil(std::sqrt(settings_.nodes)));
  nlohmann::json wall = nlohmann::json::parse(wallPresetText("1x1-1080p"));
  wall["name"] = "bench";
  wall["grid"] = {{"cols", side}, {"rows", side}};
  wall["key"] = kKey;
  if (!settings_.display.is_null()) wall["display"] = settings_.display;
  std::ofstream(dir / "wall.json") << wall.dump();

  master_ = startMaster();
  std::string port = std::to_string(settings_.port);
  nodeTarget_ = "127.0.0.1:" + port;
  if (settings_.netem) {
    relay_ = std::make_unique<NetemRelay>("127.0.0.2", "127.0.0.1", settings_.port,
                                          NetemSettings{0.002, 0.001, 0.01, 0.01, 0.01});
    nodeTarget_ = "127.0.0.2:" + port;
  }
  std::this_thread::sleep_for(
      std::chrono::milliseconds(300));  // master start-up; nodes retry anyway
  std::mt19937 random(12345);
  std::uniform_real_distribution<double> offset(-10000, 10000), drift(-200, 200);
  for (int i = 0; i < settings_.nodes; ++i) {
    ids_.push_back("r" + std::to_string(i / side) + "c" + std::to_string(i % side));
    double ms = offset(random);
    clockErrors_.emplace_back(ms, drift(random));
    nodes_.push_back(startNode(i));
  }
}

BenchWall::~BenchWall() {
  for (pid_t pid : nodes_) kill(pid, SIGTERM);
  for (pid_t pid : nodes_) waitpid(pid, nullptr, 0);
  kill(master_, SIGTERM);
  waitpid(master_, nullptr, 0);
}

pid_t BenchWall::startMaster() const {
  const auto& dir = settings_.dir;
  std::vector<std::string> argv = {settings_.exe, "master"};
  argv.insert(argv.end(), settings_.masterArgs.begin(), settings_.masterArgs.end());
  argv.insert(argv.end(),
              {"--wall", (dir / "wall.json").string(), "--bind", "127.0.0.1", "--port",
               std::to_string(settings_.port), "--http-port", std::to_string(settings_.port + 1),
               "--key", kKey, "--state", (dir / "state.json").string()});
  // A restart appends to the log: both runs stay readable.
  return spawn(argv, (dir / "master.log").string());
}

void BenchWall::restartMaster() {
  kill(master_, SIGKILL);
  waitpid(master_, nullptr, 0);
  master_ = startMaster();
}

std::filesystem::path BenchWall::traceOf(int node) const {
  return settings_.traceDir / (ids_.at(node) + ".trace");
}

pid_t BenchWall::startNode(int node) const {
  const std::string& id = ids_.at(node);
  std::vector<std::string> argv = {settings_.exe,
                                   "node",
                                   "--master",
                                   nodeTarget_,
                                   "--id",
                                   id,
                                   "--headless",
                                   "--key",
                                   kKey,
                                   "--cache",
                                   (settings_.dir / ("cache-" + id)).string(),
                                   "--sim-offset-ms",
                                   std::to_string(clockErrors_[node].first),
                                   "--sim-drift-ppm",
                                   std::to_string(clockErrors_[node].second)};
  if (!settings_.traceDir.empty())
    argv.insert(argv.end(), {"--present-trace", traceOf(node).string()});
  // A restart appends to the log as to the trace: both runs stay readable.
  return spawn(argv, (settings_.dir / (id + ".log")).string());
}

void BenchWall::restart(int node) {
  kill(nodes_.at(node), SIGKILL);
  waitpid(nodes_[node], nullptr, 0);
  nodes_[node] = startNode(node);
}

nlohmann::json BenchWall::api(const std::string& path) const {
  std::string out =
      capture("curl -sf -H 'Authorization: Bearer " + std::string(kKey) +
              "' http://127.0.0.1:" + std::to_string(settings_.port + 1) + path + " 2>/dev/null");
  try {
    return nlohmann::json::parse(out);
  } catch (...) {
    return nlohmann::json();
  }
}

}  // namespace hw::bench
