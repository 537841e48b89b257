// The sync benchmark: a master and N headless nodes on loopback, each node
// with a random simulated clock offset (+-10 s) and drift (+-200 ppm). Prints
// clock-estimate error against the simulated truth, present skew per cue
// change, time to first sync and master CPU, with the naive single-exchange
// estimate measured in the same run as the baseline. See docs/performance.md.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "bench/BenchProcess.h"
#include "bench/BenchWall.h"
#include "bench/MovieSyncRun.h"
#include "engine/net/SyncStatus.h"

namespace {

namespace fs = std::filesystem;
using hw::bench::cpuSeconds;

void print(const char* label, const hw::Spread& s, const char* unit) {
  std::printf("  %-34s p50 %9.1f  p99 %9.1f  max %9.1f %s  (n=%d)\n", label, s.p50, s.p99, s.max,
              unit, s.count);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sync_bench: measured sync of a master and N headless nodes on loopback"};
  int nodes = 9;
  int cues = 20;
  double cueSeconds = 0.5;
  double duration = 0;
  bool netem = false;
  bool movie = false;
  bool keep = false;
  int port = 27400;
  std::string exe = HYPERWALL_EXE;
  app.add_option("--nodes", nodes, "Render nodes (9, 16, 64)")->capture_default_str();
  app.add_option("--cues", cues, "Cue changes to measure")->capture_default_str();
  app.add_option("--cue-seconds", cueSeconds, "Seconds per cue")->capture_default_str();
  app.add_option("--duration", duration, "Run this many seconds instead of --cues (drift check)");
  app.add_flag("--netem", netem,
               "Route through the user-space relay: 2 ms +- 1 ms, 1% loss/dup/reorder");
  app.add_option("--port", port, "Master port (TCP/UDP; HTTP on port+1)")->capture_default_str();
  app.add_flag("--keep", keep, "Keep the scratch folder (logs, present traces) and print where");
  app.add_flag("--movie", movie,
               "Play a looping movie instead of cue changes and judge every present's frame "
               "against the master's clock (docs/performance.md, \"Sync with movies\"); "
               "--duration defaults to 60 s");
  app.add_option("--hyperwall", exe,
                 "The hyperwall program to run (a copy keeps a long run "
                 "independent of rebuilds)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    fs::path dir = fs::temp_directory_path() / ("hw-sync-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto removeScratch = [&] {
      if (keep)
        std::cerr << "sync_bench: kept " << dir.string() << "\n";
      else
        fs::remove_all(dir);
    };
    if (movie) {
      int status =
          hw::bench::runMovieSync({nodes, netem, port, exe, dir}, duration > 0 ? duration : 60);
      removeScratch();
      return status;
    }
    auto wall = std::make_unique<hw::bench::BenchWall>(hw::bench::BenchWallSettings{
        nodes,
        netem,
        port,
        exe,
        dir,
        nullptr,
        {HYPERWALL_SOURCE_DIR "/tests/data/net/show", "--cue-seconds", std::to_string(cueSeconds)},
        {}});
    pid_t master = wall->master();
    auto status = [&](bool samples) {
      // The master's sync figures over its HTTP API (docs/api.md, /api/sync).
      return wall->api(std::string("/api/sync") + (samples ? "?samples=1" : ""));
    };
    auto started = std::chrono::steady_clock::now();
    double cpuStart = cpuSeconds(master);
    std::cerr << "sync_bench: " << nodes << " nodes" << (netem ? " through the netem relay" : "")
              << ", waiting for "
              << (duration > 0 ? std::to_string(duration) + " s"
                               : std::to_string(cues) + " cue changes")
              << "\n";
    nlohmann::json final;
    for (;;) {
      std::this_thread::sleep_for(std::chrono::seconds(1));
      nlohmann::json s = status(false);
      if (s.is_null()) continue;
      int complete = 0;
      for (const auto& c : s["status"]["cues"]) complete += c["nodes"].get<int>() == nodes;
      double elapsed =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cerr << "sync_bench: " << static_cast<int>(elapsed) << " s, " << complete
                << " cue changes seen by all nodes\n";
      // A cue-count run gives up after ten minutes; a --duration run lasts as asked.
      bool done = duration > 0 ? elapsed >= duration : complete >= cues || elapsed > 600;
      if (done) break;
    }
    double wall_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    double cpu = cpuSeconds(master) - cpuStart;
    final = status(true);
    wall.reset();

    std::vector<double> errors, naive, skew, syncTimes, lateErrors;
    for (const auto& [id, samples] : final["samples"].items()) {
      for (double e : samples["clock_error_us"]) errors.push_back(std::fabs(e));
      for (double e : samples["naive_error_us"]) naive.push_back(std::fabs(e));
    }
    for (const auto& node : final["status"]["nodes"])
      syncTimes.push_back(node["sync_s"].get<double>() * 1e3);
    for (const auto& cue : final["status"]["cues"])
      if (cue["nodes"].get<int>() == nodes && cue["true_skew_ms"].get<double>() >= 0)
        skew.push_back(cue["true_skew_ms"].get<double>());
    hw::Spread e = hw::Spread::of(errors), n = hw::Spread::of(naive);
    std::printf("sync_bench: %d headless nodes, %s, %.1f s run, %d cpus\n", nodes,
                netem ? "user-space netem relay (2 ms +- 1 ms each way, 1% loss, 1% duplication, "
                        "1% reordering)"
                      : "loopback",
                wall_s, static_cast<int>(std::thread::hardware_concurrency()));
    print("clock error (filtered regression)", e, "us");
    print("clock error (naive single exchange)", n, "us");
    std::printf("  %-34s p99 naive / p99 ours = %.1fx\n", "ratio", e.p99 > 0 ? n.p99 / e.p99 : 0.0);
    print("present skew per cue (true)", hw::Spread::of(skew), "ms");
    print("time to first sync", hw::Spread::of(syncTimes), "ms");
    std::printf("  %-34s %.1f %% of one core (%.2f s CPU over %.1f s)\n", "master CPU",
                100 * cpu / wall_s, cpu, wall_s);
    removeScratch();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "sync_bench: " << e.what() << "\n";
    return 1;
  }
}
