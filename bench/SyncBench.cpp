// The sync benchmark: a master and N headless nodes on loopback, each node
// with a random simulated clock offset (+-10 s) and drift (+-200 ppm). Prints
// clock-estimate error against the simulated truth, present skew per cue
// change, time to first sync and master CPU, with the naive single-exchange
// estimate measured in the same run as the baseline. See docs/performance.md.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "config/WallConfigLoader.h"
#include "engine/net/NetemRelay.h"
#include "engine/net/SyncStatus.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;

pid_t spawn(const std::vector<std::string>& argv, const std::string& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) != 0)
    throw std::runtime_error("cannot start " + argv[0]);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

std::string capture(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  char buffer[65536];
  while (pipe && fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
  return out;
}

double cpuSeconds(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), {});
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string skip;
  for (int i = 0; i < 11; ++i) fields >> skip;
  double utime = 0, stime = 0;
  fields >> utime >> stime;
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

void print(const char* label, const hw::Spread& s, const char* unit) {
  std::printf("  %-34s p50 %9.1f  p99 %9.1f  max %9.1f %s  (n=%d)\n", label, s.p50, s.p99, s.max, unit,
              s.count);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sync_bench: measured sync of a master and N headless nodes on loopback"};
  int nodes = 9;
  int cues = 20;
  double cueSeconds = 0.5;
  double duration = 0;
  bool netem = false;
  int port = 27400;
  std::string exe = HYPERWALL_EXE;
  app.add_option("--nodes", nodes, "Render nodes (9, 16, 64)")->capture_default_str();
  app.add_option("--cues", cues, "Cue changes to measure")->capture_default_str();
  app.add_option("--cue-seconds", cueSeconds, "Seconds per cue")->capture_default_str();
  app.add_option("--duration", duration, "Run this many seconds instead of --cues (drift check)");
  app.add_flag("--netem", netem, "Route through the user-space relay: 2 ms +- 1 ms, 1% loss/dup/reorder");
  app.add_option("--port", port, "Master port (TCP/UDP; HTTP on port+1)")->capture_default_str();
  app.add_option("--hyperwall", exe, "The hyperwall program to run (a copy keeps a long run "
                                      "independent of rebuilds)")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  fs::path dir = fs::temp_directory_path() / ("hw-sync-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  int side = static_cast<int>(std::ceil(std::sqrt(nodes)));
  nlohmann::json wall = nlohmann::json::parse(hw::wallPresetText("1x1-1080p"));
  wall["name"] = "bench";
  wall["grid"] = {{"cols", side}, {"rows", side}};
  wall["key"] = "sync-bench-wall-key";
  std::ofstream(dir / "wall.json") << wall.dump();

  std::string address = "127.0.0.1:" + std::to_string(port);
  pid_t master =
      spawn({exe, "master", HYPERWALL_SOURCE_DIR "/tests/data/net/show", "--wall",
             (dir / "wall.json").string(), "--bind", "127.0.0.1", "--port", std::to_string(port),
             "--http-port", std::to_string(port + 1), "--key", "sync-bench-wall-key", "--state",
             (dir / "state.json").string(), "--cue-seconds", std::to_string(cueSeconds)},
            (dir / "master.log").string());
  std::unique_ptr<hw::NetemRelay> relay;
  std::string nodeTarget = address;
  if (netem) {
    relay = std::make_unique<hw::NetemRelay>("127.0.0.2", "127.0.0.1", port,
                                             hw::NetemSettings{0.002, 0.001, 0.01, 0.01, 0.01});
    nodeTarget = "127.0.0.2:" + std::to_string(port);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // master start-up; nodes retry anyway
  std::mt19937 random(12345);
  std::uniform_real_distribution<double> offset(-10000, 10000), drift(-200, 200);
  std::vector<pid_t> nodePids;
  for (int i = 0; i < nodes; ++i) {
    std::string id = "r" + std::to_string(i / side) + "c" + std::to_string(i % side);
    nodePids.push_back(spawn(
        {exe, "node", "--master", nodeTarget, "--id", id, "--headless", "--key",
         "sync-bench-wall-key", "--cache", (dir / ("cache-" + id)).string(), "--sim-offset-ms",
         std::to_string(offset(random)), "--sim-drift-ppm", std::to_string(drift(random))},
        (dir / (id + ".log")).string()));
  }
  auto status = [&](bool samples) {
    // The master's sync figures over its HTTP API (docs/api.md, /api/sync).
    std::string out = capture(
        "curl -sf -H 'Authorization: Bearer sync-bench-wall-key' http://127.0.0.1:" +
        std::to_string(port + 1) + "/api/sync" + (samples ? "?samples=1" : "") + " 2>/dev/null");
    try {
      return nlohmann::json::parse(out);
    } catch (...) {
      return nlohmann::json();
    }
  };
  auto started = std::chrono::steady_clock::now();
  double cpuStart = cpuSeconds(master);
  std::cerr << "sync_bench: " << nodes << " nodes" << (netem ? " through the netem relay" : "")
            << ", waiting for " << (duration > 0 ? std::to_string(duration) + " s" : std::to_string(cues) + " cue changes")
            << "\n";
  nlohmann::json final;
  for (;;) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    nlohmann::json s = status(false);
    if (s.is_null()) continue;
    int complete = 0;
    for (const auto& c : s["status"]["cues"]) complete += c["nodes"].get<int>() == nodes;
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "sync_bench: " << static_cast<int>(elapsed) << " s, " << complete
              << " cue changes seen by all nodes\n";
    // A cue-count run gives up after ten minutes; a --duration run lasts as asked.
    bool done = duration > 0 ? elapsed >= duration : complete >= cues || elapsed > 600;
    if (done) break;
  }
  double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  double cpu = cpuSeconds(master) - cpuStart;
  final = status(true);
  for (pid_t pid : nodePids) kill(pid, SIGTERM);
  for (pid_t pid : nodePids) waitpid(pid, nullptr, 0);
  kill(master, SIGTERM);
  waitpid(master, nullptr, 0);
  relay.reset();

  std::vector<double> errors, naive, skew, syncTimes, lateErrors;
  for (const auto& [id, samples] : final["samples"].items()) {
    for (double e : samples["clock_error_us"]) errors.push_back(std::fabs(e));
    for (double e : samples["naive_error_us"]) naive.push_back(std::fabs(e));
  }
  for (const auto& node : final["status"]["nodes"]) syncTimes.push_back(node["sync_s"].get<double>() * 1e3);
  for (const auto& cue : final["status"]["cues"])
    if (cue["nodes"].get<int>() == nodes && cue["true_skew_ms"].get<double>() >= 0)
      skew.push_back(cue["true_skew_ms"].get<double>());
  hw::Spread e = hw::Spread::of(errors), n = hw::Spread::of(naive);
  std::printf("sync_bench: %d headless nodes, %s, %.1f s run, %d cpus\n", nodes,
              netem ? "user-space netem relay (2 ms +- 1 ms each way, 1% loss, 1% duplication, 1% reordering)"
                    : "loopback",
              wall_s, static_cast<int>(std::thread::hardware_concurrency()));
  print("clock error (filtered regression)", e, "us");
  print("clock error (naive single exchange)", n, "us");
  std::printf("  %-34s p99 naive / p99 ours = %.1fx\n", "ratio", e.p99 > 0 ? n.p99 / e.p99 : 0.0);
  print("present skew per cue (true)", hw::Spread::of(skew), "ms");
  print("time to first sync", hw::Spread::of(syncTimes), "ms");
  std::printf("  %-34s %.1f %% of one core (%.2f s CPU over %.1f s)\n", "master CPU", 100 * cpu / wall_s,
              cpu, wall_s);
  fs::remove_all(dir);
  return 0;
}
