#include "bench/MovieSyncRun.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <thread>

#include "bench/BenchMedia.h"
#include "bench/BenchProcess.h"
#include "bench/BenchWall.h"
#include "bench/MovieSyncFigures.h"
#include "config/WallConfigLoader.h"
#include "engine/movie/MovieProbe.h"
#include "engine/net/HostClock.h"
#include "engine/net/MasterStateFile.h"
#include "engine/net/ShowState.h"
#include "engine/net/SyncStatus.h"
#include "hwshow/ShowLoader.h"

namespace hw::bench {
namespace {

namespace fs = std::filesystem;

constexpr int kDisplayWidth = 320, kDisplayHeight = 180;  // each node's display (px)
constexpr double kWindowSeconds = 300;       // s, the start and end windows of a long run
constexpr double kRestartEvery = 15;         // s between node restarts in a window
constexpr double kRestartTargetSeconds = 1;  // s, a restarted node on the right frame

const char* verdict(bool pass) { return pass ? "PASS" : "MISS"; }

// When node restarts are due, s after the cue start: every
// kRestartEvery s inside each window, none in its first or last seconds.
std::vector<double> restartPlan(const std::vector<std::pair<double, double>>& windows) {
  std::vector<double> plan;
  for (const auto& [from, to] : windows)
    for (double at = from + kRestartEvery; at <= to - kRestartEvery; at += kRestartEvery)
      plan.push_back(at);
  return plan;
}

void printFigures(const char* label, const MovieSyncFigures& f) {
  std::printf(" %s\n", label);
  std::printf("  %-40s %lld\n", "presents judged", static_cast<long long>(f.presents));
  std::printf("  %-40s", "frame error (shown - due): presents");
  for (const auto& [error, count] : f.frameErrors)
    std::printf(" %+lld: %lld", static_cast<long long>(error), static_cast<long long>(count));
  std::printf("  (%.4f %% wrong)  target 0 wrong  %s\n",
              f.presents ? 100.0 * static_cast<double>(f.wrongFrames()) / f.presents : 0.0,
              verdict(f.wrongFrames() == 0 && f.wrongCue == 0));
  if (f.wrongCue)
    std::printf("  %-40s %lld\n", "presents of a cue not on the wall",
                static_cast<long long>(f.wrongCue));
  std::printf("  %-40s %lld  target 0  %s\n", "frames dropped (never presented)",
              static_cast<long long>(f.dropped), verdict(f.dropped == 0));
  std::printf("  %-40s %lld  target 0  %s\n", "presents > 1/60 s after their frame began",
              static_cast<long long>(f.late), verdict(f.late == 0));
  std::printf("  %-40s %lld\n", "presents of an earlier frame than before",
              static_cast<long long>(f.backwards));
  std::printf("  %-40s %lld crossed: %lld dropped, %lld first frames late  target 0  %s\n",
              "loop points", static_cast<long long>(f.loops), static_cast<long long>(f.loopDropped),
              static_cast<long long>(f.loopLate), verdict(f.loopDropped == 0 && f.loopLate == 0));
  Spread latency = Spread::of(f.latencyMs);
  std::printf("  %-40s p50 %.3f  p99 %.3f  max %.3f ms\n", "present after its frame began",
              latency.p50, latency.p99, latency.max);
}

}  // namespace

int runMovieSync(const MovieSyncSettings& settings, double duration) {
  fs::path movie = makeLoopMovie(settings.dir);
  fs::path showFile = settings.dir / "movie.hwshow";
  // One cue, the movie looped for a day: every present of the run is of it.
  std::ofstream(showFile) << R"({"hwshow": 1, "title": "Sync with movies", "cues": [{"media": ")"
                          << movie.filename().string()
                          << R"(", "fit": "fill", "duration": 86400}]})";
  // Traces on tmpfs: a node's present never waits for a disk's journal.
  fs::path traceDir = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") / settings.dir.filename()
                                                   : settings.dir / "traces";
  fs::create_directories(traceDir);
  std::string loadStart = loadAverage();
  BenchWall wall({settings.nodes,
                  settings.netem,
                  settings.port,
                  settings.exe,
                  settings.dir,
                  {{"width", kDisplayWidth}, {"height", kDisplayHeight}},
                  {showFile.string()},
                  traceDir});

  // The truth every present is judged by: the master's own show state and
  // show, read as the master read them, at the true master time.
  Playlist show =
      loadShow({showFile.string()}, loadWallConfig((settings.dir / "wall.json").string()));
  probeMovies(show, LocalMirror::fromEnvironment());
  const Timeline timeline(timelineSpecFor(show));
  const MovieClock clock(show.cues.at(0).items.at(0).media.movie);
  std::optional<MasterStateFile> state;
  for (int tries = 0; !state && tries < 100; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    state = MasterStateFile::read((settings.dir / "state.json").string());
  }
  if (!state)
    throw std::runtime_error("the master wrote no show state (see " +
                             (settings.dir / "master.log").string() + ")");
  auto positionOf = [&](double trueMaster) {
    return positionAt(state->state, timeline, trueMaster);
  };
  double cueStart = 0;  // master s the movie cue started, once a node showed it

  // The bench runs on the host clock; master time is it plus the master's
  // epoch, which any present of any node tells.
  std::vector<std::pair<double, double>> windows;  // s after the cue start
  if (duration >= 2 * kWindowSeconds)
    windows = {{0, kWindowSeconds}, {duration - kWindowSeconds, duration}};
  else
    windows = {{0, duration}};
  std::vector<double> plan = restartPlan(windows);
  std::vector<std::pair<int, double>> restarts;  // node, host s
  std::optional<double> epoch;
  double started = monotonicSeconds();
  std::cerr << "sync_bench --movie: " << settings.nodes << " nodes"
            << (settings.netem ? " through the netem relay" : "") << ", " << duration
            << " s of a looping movie, a node restarted every " << kRestartEvery
            << " s in each window\n";
  for (double lastReport = started;;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    double now = monotonicSeconds();
    if (!epoch) {
      std::ifstream trace(wall.traceOf(0));
      auto presents = readPresentTrace(trace);
      if (!presents.empty()) {
        epoch = presents.front().trueMaster - presents.front().host;
        cueStart = positionOf(presents.front().trueMaster).cueStart;
      }
      if (now - started > 120) throw std::runtime_error("no node presented a frame in 120 s");
      continue;
    }
    double intoCue = now + *epoch - cueStart;
    if (!plan.empty() && intoCue >= plan.front()) {
      int node = static_cast<int>(restarts.size()) % settings.nodes;
      wall.restart(node);
      restarts.emplace_back(node, monotonicSeconds());
      plan.erase(plan.begin());
    }
    if (now - lastReport >= 30) {
      lastReport = now;
      std::cerr << "sync_bench --movie: " << static_cast<int>(intoCue) << " s into the movie, "
                << restarts.size() << " restarts\n";
    }
    if (intoCue >= duration) break;
    if (now - started > duration + 300) throw std::runtime_error("the run overran by 300 s");
  }
  nlohmann::json status = wall.api("/api/status");
  nlohmann::json sync = wall.api("/api/sync?samples=1");
  std::string loadEnd = loadAverage();

  std::vector<std::vector<MoviePresent>> traces;
  std::vector<std::vector<double>> restartsOf(settings.nodes);
  for (int i = 0; i < settings.nodes; ++i) {
    std::ifstream trace(wall.traceOf(i));
    traces.push_back(readPresentTrace(trace));
  }
  // Beside the logs, for --keep.
  for (int i = 0; i < settings.nodes; ++i)
    fs::copy_file(wall.traceOf(i), settings.dir / wall.traceOf(i).filename(),
                  fs::copy_options::overwrite_existing);
  fs::remove_all(traceDir);
  for (const auto& [node, at] : restarts) restartsOf[node].push_back(at);

  std::printf(
      "sync_bench --movie: %d headless nodes, %s, %d cpus, load average %s at the start, %s "
      "at the end\n",
      settings.nodes,
      settings.netem ? "user-space netem relay (2 ms +- 1 ms each way, 1% loss, 1% "
                       "duplication, 1% reordering)"
                     : "loopback",
      static_cast<int>(std::thread::hardware_concurrency()), loadStart.c_str(), loadEnd.c_str());
  std::printf("  movie %dx%d %s fps, %d frames (a %.1f s loop), H.264; displays %dx%d; %.0f s\n",
              kMovieWidth, kMovieHeight, kMovieRate, kMovieFrames, clock.tickStart(kMovieFrames),
              kDisplayWidth, kDisplayHeight, duration);
  auto judge = [&](double from, double to) {
    MovieSyncFigures figures;
    for (int i = 0; i < settings.nodes; ++i)
      judgePresents(traces[i], restartsOf[i], cueStart + from, cueStart + to, positionOf, clock,
                    figures);
    return figures;
  };
  auto restartFigures = [&](double from, double to) {
    std::vector<double> ms;
    int firstRight = 0, counted = 0;
    for (const auto& [node, at] : restarts) {
      double intoCue = at + *epoch - cueStart;
      if (intoCue < from || intoCue >= to) continue;
      ++counted;
      bool first = false;
      double seconds = secondsToRightFrame(traces[node], at, positionOf, clock, first);
      ms.push_back(seconds < 0 ? 1e9 : seconds * 1e3);
      firstRight += first;
    }
    if (counted == 0) {
      std::printf("  %-40s none in this window\n", "restarted nodes to the right frame");
      return;
    }
    Spread s = Spread::of(ms);
    std::printf(
        "  %-40s %d: p50 %.0f  max %.0f ms; first present right %d/%d  target <= %.0f ms  "
        "%s\n",
        "restarted nodes to the right frame", counted, s.p50, s.max, firstRight, counted,
        kRestartTargetSeconds * 1e3, verdict(s.max <= kRestartTargetSeconds * 1e3));
  };
  for (const auto& [from, to] : windows) {
    char label[96];
    std::snprintf(label, sizeof label, "%s: %.0f-%.0f s into the movie",
                  windows.size() == 1 ? "whole run"
                  : from == 0         ? "first 5 min"
                                      : "last 5 min",
                  from, to);
    printFigures(label, judge(from, to));
    restartFigures(from, to);
  }
  std::int64_t dropped = 0, late = 0;
  for (const auto& node : status["nodes"])
    if (node["movie"].is_object()) {
      dropped += node["movie"]["dropped"].get<std::int64_t>();
      late += node["movie"]["late"].get<std::int64_t>();
    }
  std::vector<double> clockErrors;
  for (const auto& [id, samples] : sync["samples"].items())
    for (double e : samples["clock_error_us"]) clockErrors.push_back(std::fabs(e));
  Spread clockError = Spread::of(clockErrors);
  std::printf(
      " clock estimate error against the truth (4 Hz, whole run): p50 %.1f  p99 %.1f  max %.1f "
      "us\n",
      clockError.p50, clockError.p99, clockError.max);
  std::printf(
      " as the nodes count it (MovieStats, since each node's last start): %lld dropped, %lld "
      "late\n",
      static_cast<long long>(dropped), static_cast<long long>(late));
  return 0;
}

}  // namespace hw::bench
