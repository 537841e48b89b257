// The soak benchmark: a master and nine headless nodes play a looping show of
// stills and a movie for --duration s while nodes are killed and restarted in
// turn and the master once. Prints the resident memory and open descriptors of
// every process at the start and the end, the restarts survived, the cue
// changes shown late, and fails when a process's memory or descriptors grow
// without bound. See docs/performance.md, "Soak".
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "bench/BenchMedia.h"
#include "bench/BenchProcess.h"
#include "bench/BenchWall.h"
#include "bench/FootprintGrowth.h"
#include "engine/net/HostClock.h"
#include "engine/net/MasterStateFile.h"
#include "engine/net/ShowStateJson.h"
#include "engine/net/SyncStatus.h"

namespace {

namespace fs = std::filesystem;
using namespace hw::bench;

constexpr int kNodes = 9;                // a 3x3 wall
constexpr int kRestartedNodes = 6;       // r0c0..r1c2 take turns; row 2 runs throughout
constexpr int kWarmUpPasses = 2;         // passes of the show before judging a process
constexpr double kLateMs = 1000.0 / 60;  // ms, one frame of a 60 Hz display
constexpr double kWholeTimeout = 60;     // s for the wall to be whole after a restart
constexpr double kAroundRestart = 1;     // s either side of a restart's outage not judged
// KiB, floor rise over a life's second half: 4 MiB over a second half of 10
// minutes or more (8 MiB/h in an hour); 16 MiB over a shorter one, whose
// floors still step as allocators settle (up to 10 MiB seen in 150 s runs).
constexpr double kRssBoundKiB = 4096, kShortRssBoundKiB = 16384;
constexpr double kLongHalfSeconds = 600;
constexpr double kFdBound = 2;           // descriptors, the same
constexpr long kRssCapKiB = 512 * 1024;  // KiB any process may hold
constexpr int kFdCap = 256;              // descriptors any process may hold

// One run of one process: a node or the master between two restarts.
struct Life {
  Life(std::string name, pid_t pid, double from) : name(std::move(name)), pid(pid), from(from) {}
  std::string name;
  pid_t pid = -1;
  double from = 0, to = -1;  // s into the run (to < 0: still running)
  std::vector<std::pair<double, double>> rssKiB, fds;
};

// A cue change as the master's /api/sync last told it.
struct Change {
  int cue = -1;
  int nodes = 0;
  double skewMs = 0;
};

// A deliberate restart and when the wall was whole again.
struct Restart {
  Restart(std::string what, double at, double masterAt, std::string stateBefore = "")
      : what(std::move(what)), at(at), masterAt(masterAt), stateBefore(std::move(stateBefore)) {}
  std::string what;
  double at = 0;            // s into the run
  double masterAt = 0;      // master s just before the kill
  double wholeAt = -1;      // s into the run the wall was whole again (-1: not yet)
  double wholeMaster = 0;   // master s then
  std::string stateBefore;  // the master's persisted show state before its kill
};

double mib(double kib) { return kib / 1024; }

class Soak {
 public:
  Soak(BenchWall& wall, const fs::path& dir, double duration)
      : wall_(wall), dir_(dir), duration_(duration) {}

  // Waits until every node presents the show; throws after 120 s.
  void warmUp(double showSeconds) {
    double started = hw::monotonicSeconds();
    std::cerr << "soak_bench: warming up (every node presenting, then two passes of the show)\n";
    while (!whole(0)) {
      if (hw::monotonicSeconds() - started > 120)
        throw std::runtime_error("the wall was not whole 120 s after the start (see " +
                                 dir_.string() + ")");
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    // Two more passes, so every cue has been prepared, every cache is full
    // and the allocators have taken what a pass needs.
    std::this_thread::sleep_for(std::chrono::duration<double>(kWarmUpPasses * showSeconds));
  }

  int run(double restartEvery, int masterSlot, double showSeconds) {
    start_ = hw::monotonicSeconds();
    lives_.emplace_back("master", wall_.master(), 0);
    for (int i = 0; i < kNodes; ++i) lives_.emplace_back(wall_.nodeIds()[i], wall_.node(i), 0);
    startMaster_ = lastMasterTime_;
    int slot = 0, nodeTurn = 0;
    double lastReport = 0;
    // A restart still open at the end is waited for (kWholeTimeout at most).
    while ((now() < duration_ || (!restarts_.empty() && restarts_.back().wholeAt < 0)) &&
           failure_.empty()) {
      std::this_thread::sleep_for(std::chrono::seconds(1));
      sample();
      poll();
      Restart* open =
          restarts_.empty() || restarts_.back().wholeAt >= 0 ? nullptr : &restarts_.back();
      if (open) {
        if (whole(open->masterAt)) {
          if (!open->stateBefore.empty() && open->stateBefore != persistedState()) {
            failure_ = "the restarted master did not resume the show state it had persisted";
          } else {
            open->wholeAt = now();
            open->wholeMaster = lastMasterTime_;
          }
        } else if (now() - open->at > kWholeTimeout) {
          failure_ = open->what + " restart: the wall was not whole " +
                     std::to_string(static_cast<int>(kWholeTimeout)) + " s later";
        }
      } else if (now() >= (slot + 1) * restartEvery && now() < duration_ - restartEvery / 2) {
        ++slot;
        if (slot == masterSlot)
          restartMaster();
        else
          restartNode(nodeTurn++ % kRestartedNodes);
      }
      if (now() - lastReport >= std::min(30.0, std::max(5.0, duration_ / 24))) {
        lastReport = now();
        std::cerr << "soak_bench: " << static_cast<int>(now()) << " s of "
                  << static_cast<int>(duration_) << ", " << survived() << " restarts survived, "
                  << lateChanges() << " late cue changes, load " << loadAverage() << "\n";
      }
    }
    sample();
    poll();
    double ran = now();
    for (auto& life : lives_)
      if (life.to < 0) life.to = ran;
    return report(ran, showSeconds);
  }

 private:
  double now() const { return hw::monotonicSeconds() - start_; }

  Life& current(pid_t pid) {
    for (auto& life : lives_)
      if (life.pid == pid && life.to < 0) return life;
    throw std::logic_error("no life for pid " + std::to_string(pid));
  }

  void sample() {
    double t = now();
    for (auto& life : lives_) {
      if (life.to >= 0) continue;
      long rss = residentKiB(life.pid);
      int fds = openFds(life.pid);
      if (rss < 0 || fds < 0) {
        // /proc can fail a read while descriptors come and go: only an
        // exit is a death.
        int status = 0;
        if (waitpid(life.pid, &status, WNOHANG) == life.pid) {
          failure_ = life.name + " (pid " + std::to_string(life.pid) + ") died unasked (" +
                     (WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                          : "exit " + std::to_string(WEXITSTATUS(status))) +
                     ")";
          return;
        }
        continue;
      }
      life.rssKiB.emplace_back(t, static_cast<double>(rss));
      life.fds.emplace_back(t, fds);
      if (rss > kRssCapKiB || fds > kFdCap)
        failure_ = life.name + " holds " + std::to_string(rss / 1024) + " MiB and " +
                   std::to_string(fds) + " descriptors, above the cap";
    }
  }

  // The master's sync figures; keeps every cue change it reports (it holds
  // only its last 1000, and forgets them when it restarts).
  void poll() {
    sync_ = wall_.api("/api/sync");
    if (sync_.is_null()) return;
    const auto& status = sync_["status"];
    lastMasterTime_ = status["master_time"].get<double>();
    for (const auto& c : status["cues"]) {
      double trueSkew = c["true_skew_ms"].get<double>();
      changes_[c["scheduled"].get<double>()] = {
          c["cue"].get<int>(), c["nodes"].get<int>(),
          trueSkew >= 0 ? trueSkew : c["skew_ms"].get<double>()};
    }
  }

  // Every node connected, synced and on the master's cue, and a cue change
  // scheduled after master time `after` presented by all of them.
  bool whole(double after) {
    if (after == 0) poll();
    if (sync_.is_null()) return false;
    const auto& status = sync_["status"];
    lastMasterTime_ = status["master_time"].get<double>();
    int cue = status["position"]["cue"].get<int>();
    int ready = 0;
    for (const auto& node : status["nodes"])
      ready += node["connected"].get<bool>() && node["synced"].get<bool>() &&
               node["link"] == "up" && node["shown_cue"].get<int>() == cue;
    if (ready < kNodes) return false;
    for (const auto& c : status["cues"])
      if (c["scheduled"].get<double>() > after && c["nodes"].get<int>() == kNodes) return true;
    return false;
  }

  std::string persistedState() const {
    auto saved = hw::MasterStateFile::read((dir_ / "state.json").string());
    return saved ? hw::showStateToJson(saved->state).dump() : "";
  }

  void restartNode(int node) {
    restarts_.emplace_back(wall_.nodeIds()[node], now(), lastMasterTime_);
    current(wall_.node(node)).to = now();
    wall_.restart(node);
    lives_.emplace_back(wall_.nodeIds()[node], wall_.node(node), now());
    std::cerr << "soak_bench: " << static_cast<int>(now()) << " s: killed and restarted "
              << wall_.nodeIds()[node] << "\n";
  }

  void restartMaster() {
    restarts_.emplace_back("master", now(), lastMasterTime_, persistedState());
    current(wall_.master()).to = now();
    wall_.restartMaster();
    lives_.emplace_back("master", wall_.master(), now());
    sync_ = nullptr;
    std::cerr << "soak_bench: " << static_cast<int>(now())
              << " s: killed and restarted the master\n";
  }

  // Every sample, for a second look: dir/footprint.csv.
  void writeSamples() const {
    std::ofstream csv(dir_ / "footprint.csv");
    csv << "process,pid,s,rss_kib,fds\n";
    for (const auto& life : lives_)
      for (std::size_t i = 0; i < life.rssKiB.size(); ++i)
        csv << life.name << ',' << life.pid << ',' << life.rssKiB[i].first << ','
            << life.rssKiB[i].second << ',' << life.fds[i].second << '\n';
  }

  int survived() const {
    int count = 0;
    for (const auto& r : restarts_) count += r.wholeAt >= 0;
    return count;
  }

  // Whether a change scheduled at master time `at` is judged: inside the run,
  // not in a restart's outage, and old enough for every report to be in.
  bool judged(double at) const {
    if (at < startMaster_ || at > lastMasterTime_ - 2) return false;
    for (const auto& r : restarts_) {
      double until = r.wholeAt >= 0 ? r.wholeMaster : lastMasterTime_;
      if (at >= r.masterAt - kAroundRestart && at <= until + kAroundRestart) return false;
    }
    return true;
  }

  static bool late(const Change& c) { return c.nodes < kNodes || c.skewMs > kLateMs; }

  int lateChanges() const {
    int count = 0;
    for (const auto& [at, c] : changes_) count += judged(at) && late(c);
    return count;
  }

  int report(double ran, double showSeconds) {
    std::printf(
        "soak_bench: master + %d headless nodes (3x3 wall of 320x180 displays), %.0f s, "
        "%d cpus, load average %s at the end\n",
        kNodes, ran, static_cast<int>(std::thread::hardware_concurrency()), loadAverage().c_str());
    std::printf(
        "  show: 3 stills (960x540 PNG, 3 s each) and a %dx%d %s fps movie looped for "
        "6 s; %.0f s a pass, crossfades, looping\n",
        kMovieWidth, kMovieHeight, kMovieRate, showSeconds);
    std::printf("\n  %-8s %6s %8s %8s %10s %10s %8s %8s %s\n", "process", "pid", "from s", "to s",
                "RSS start", "RSS end", "fds", "fds", "growth (floor's rise over 2nd half)");
    std::printf("  %-8s %6s %8s %8s %10s %10s %8s %8s\n", "", "", "", "", "MiB", "MiB", "start",
                "end");
    bool grew = false;
    for (const auto& life : lives_) {
      if (life.rssKiB.empty()) continue;
      std::string verdict = "-  (lived < half the run)";
      if (life.to - life.from >= ran / 2) {
        // A process started during the run is judged after a warm-up as
        // long as the one every process had at the start.
        double from = life.from > 0 ? life.from + kWarmUpPasses * showSeconds : life.from;
        auto warm = [from](const std::vector<std::pair<double, double>>& samples) {
          std::vector<std::pair<double, double>> kept;
          for (const auto& s : samples)
            if (s.first >= from) kept.push_back(s);
          return kept;
        };
        double bound = (life.to - from) / 2 >= kLongHalfSeconds ? kRssBoundKiB : kShortRssBoundKiB;
        FootprintGrowth rss = FootprintGrowth::of(warm(life.rssKiB), bound, showSeconds);
        FootprintGrowth fds = FootprintGrowth::of(warm(life.fds), kFdBound, showSeconds);
        char text[160];
        std::snprintf(text, sizeof text, "RSS %+.2f MiB (%+.1f MiB/h), fds %+.1f: %s",
                      mib(rss.rise), mib(rss.slopePerHour), fds.rise,
                      rss.grows || fds.grows ? "GROWS" : "bounded");
        if (!rss.measured) std::snprintf(text, sizeof text, "-  (fewer than 4 passes of the show)");
        verdict = text;
        grew = grew || rss.grows || fds.grows;
      }
      std::printf("  %-8s %6d %8.0f %8.0f %10.1f %10.1f %8.0f %8.0f %s\n", life.name.c_str(),
                  static_cast<int>(life.pid), life.from, life.to, mib(life.rssKiB.front().second),
                  mib(life.rssKiB.back().second), life.fds.front().second, life.fds.back().second,
                  verdict.c_str());
    }
    std::printf(
        "  growth rule: per process living >= half the run, sampled every second: the "
        "minimum of each tenth of its life (each at least a pass of the show); a "
        "least-squares line through the second half's (a process started during the run: "
        "from two passes after its start); it grows when that line rises "
        "> %.0f MiB (RSS; > %.0f MiB when the second half is under %.0f min) or > %.0f (fds). "
        "Caps: "
        "%ld MiB, %d fds at any sample.\n",
        mib(kRssBoundKiB), mib(kShortRssBoundKiB), kLongHalfSeconds / 60, kFdBound,
        kRssCapKiB / 1024, kFdCap);
    writeSamples();

    std::vector<double> rejoinNode, rejoinMaster;
    int nodeRestarts = 0, masterRestarts = 0;
    for (const auto& r : restarts_) {
      bool master = r.what == "master";
      (master ? masterRestarts : nodeRestarts)++;
      if (r.wholeAt >= 0) (master ? rejoinMaster : rejoinNode).push_back(r.wholeAt - r.at);
    }
    hw::Spread node = hw::Spread::of(rejoinNode), master = hw::Spread::of(rejoinMaster);
    std::printf(
        "\n  restarts survived: %d of %d node restarts (whole again p50 %.1f s, max "
        "%.1f s), %d of %d master restarts (whole again %.1f s, its persisted show state "
        "resumed)\n",
        node.count, nodeRestarts, node.p50, node.max, master.count, masterRestarts, master.max);
    std::printf(
        "    (survived: every node connected, synced, on the master's cue, and a later "
        "cue change presented by all %d)\n",
        kNodes);

    int judgedCount = 0, excluded = 0, missed = 0, skewed = 0;
    std::map<int, int> lateByCue;  // cue changed to (from 1): late changes
    std::vector<double> skews;
    for (const auto& [at, c] : changes_) {
      if (at < startMaster_ || at > lastMasterTime_ - 2) continue;
      if (!judged(at)) {
        ++excluded;
        continue;
      }
      ++judgedCount;
      if (late(c) && missed + skewed < 10)
        std::printf(
            "  late: the change to cue %d at %.1f s into the run: %d of %d nodes, skew "
            "%.1f ms\n",
            c.cue + 1, at - startMaster_, c.nodes, kNodes, c.skewMs);
      if (late(c)) ++lateByCue[c.cue + 1];
      missed += c.nodes < kNodes;
      skewed += c.nodes == kNodes && c.skewMs > kLateMs;
      if (c.nodes == kNodes) skews.push_back(c.skewMs);
    }
    hw::Spread skew = hw::Spread::of(skews);
    std::printf("  cue changes judged: %d (%d within %.0f s of a restart's outage not judged)\n",
                judgedCount, excluded, kAroundRestart);
    std::printf(
        "  cues shown late: %d = %d not presented by every node + %d with present skew "
        "> %.1f ms (one 60 Hz frame)\n",
        missed + skewed, missed, skewed, kLateMs);
    std::printf(
        "    (a node not presenting a change on time catches up at once and reports it as "
        "late, which the master leaves out); late changes by the cue changed to:");
    for (const auto& [cue, count] : lateByCue) std::printf(" cue %d: %d", cue, count);
    std::printf("\n");
    std::printf("  present skew (simulated truth): p50 %.2f  p99 %.2f  max %.2f ms\n", skew.p50,
                skew.p99, skew.max);

    if (!failure_.empty()) std::printf("\nsoak_bench: FAIL: %s\n", failure_.c_str());
    if (grew) std::printf("\nsoak_bench: FAIL: a process's memory or descriptors grow\n");
    bool pass =
        failure_.empty() && !grew && node.count == nodeRestarts && master.count == masterRestarts;
    std::printf("\nsoak_bench: %s\n", pass ? "PASS" : "FAIL");
    return pass ? 0 : 1;
  }

  BenchWall& wall_;
  fs::path dir_;
  double duration_;
  double start_ = 0;
  double startMaster_ = 0, lastMasterTime_ = 0;
  nlohmann::json sync_;
  std::vector<Life> lives_;
  std::vector<Restart> restarts_;
  std::map<double, Change> changes_;  // by scheduled master time
  std::string failure_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "soak_bench: a master and 9 headless nodes play a looping show of stills and a movie for "
      "--duration s, nodes and the master killed and restarted; fails on a failed rejoin, a "
      "crash, or memory or descriptors that grow (docs/performance.md, \"Soak\")"};
  double duration = 3600;
  int port = 27460;
  bool keep = false;
  std::string exe = HYPERWALL_EXE;
  app.add_option("--duration", duration, "Seconds to play after warm-up")
      ->check(CLI::Range(60.0, 86400.0))
      ->capture_default_str();
  app.add_option("--port", port, "Master port (TCP/UDP; HTTP on port+1)")
      ->check(CLI::Range(1, 65534))
      ->capture_default_str();
  app.add_flag("--keep", keep, "Keep the scratch folder (logs, show, state) and print where");
  app.add_option("--hyperwall", exe,
                 "The hyperwall program to run (a copy keeps a long run independent of rebuilds)")
      ->check(CLI::ExistingFile)
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  fs::path dir = fs::temp_directory_path() / ("hw-soak-bench-" + std::to_string(::getpid()));
  try {
    fs::create_directories(dir);
    fs::path movie = makeLoopMovie(dir);
    std::vector<fs::path> stills = {makeStill(dir, "smptehdbars"), makeStill(dir, "mandelbrot"),
                                    makeStill(dir, "rgbtestsrc")};
    nlohmann::json cues = nlohmann::json::array();
    auto still = [&](int i) { return nlohmann::json{{"media", stills[i].filename().string()}}; };
    cues.push_back(still(0));
    cues.push_back({{"media", movie.filename().string()}, {"fit", "fill"}, {"duration", 6}});
    cues.push_back(still(1));
    cues.push_back(still(2));
    double showSeconds = 3 + 6 + 3 + 3;
    fs::path show = dir / "soak.hwshow";
    std::ofstream(show) << nlohmann::json{
        {"hwshow", 1},
        {"title", "Soak"},
        {"defaults", {{"duration", 3}, {"loop", true}}},
        {"cues", cues}}.dump();
    // Nine restarts and the master's over an hour, one every few minutes;
    // a short run still restarts nodes several times and the master once.
    double restartEvery = std::clamp(duration / 20, 10.0, 180.0);
    int slots = static_cast<int>((duration - restartEvery / 2) / restartEvery);
    int masterSlot = std::max(1, (slots + 1) / 3);
    std::cerr << "soak_bench: " << duration << " s, a restart every " << restartEvery
              << " s (the master's is number " << masterSlot << "), scratch " << dir.string()
              << "\n";
    int status = 1;
    {
      BenchWall wall(
          {kNodes, false, port, exe, dir, {{"width", 320}, {"height", 180}}, {show.string()}, {}});
      Soak soak(wall, dir, duration);
      soak.warmUp(showSeconds);
      status = soak.run(restartEvery, masterSlot, showSeconds);
    }
    if (keep || status != 0)
      std::cerr << "soak_bench: kept " << dir.string() << "\n";
    else
      fs::remove_all(dir);
    return status;
  } catch (const std::exception& e) {
    std::cerr << "soak_bench: " << e.what() << " (scratch " << dir.string() << ")\n";
    return 1;
  }
}
