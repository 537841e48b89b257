#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "engine/control/WallKeyFile.h"
#include "engine/net/AssetCache.h"
#include "engine/net/HeadlessPresenter.h"
#include "engine/net/MasterAddress.h"
#include "engine/net/NodeService.h"
#include "engine/net/WindowedNode.h"

namespace hw::cli {
namespace {

struct NodeOptions {
  std::string master;
  NodeSettings settings;
  bool headless = false;
  WindowSeat seat;
  std::string clock = "sync";
  double simOffsetMs = 0;
  bool simOffsetGiven = false;
  double simDriftPpm = 0;
};

// Signal handlers can only reach objects of static storage; this is the one.
std::atomic<bool> stopRequested{false};

void requestStop(int) { stopRequested = true; }

int runNode(NodeOptions options) {
  NodeSettings& settings = options.settings;
  MasterAddress master = parseMasterAddress(options.master, "--master");
  settings.masterHost = master.host;
  settings.port = master.wallPort;
  settings.key = clientWallKey(settings.key);
  settings.systemClock = options.clock == "system";
  settings.simOffsetSeconds = options.simOffsetMs * 1e-3;
  settings.simDriftPpm = options.simDriftPpm;
  if (settings.cacheDirectory.empty()) settings.cacheDirectory = defaultAssetCacheDirectory();
  std::signal(SIGINT, requestStop);
  std::signal(SIGTERM, requestStop);
  if (!options.headless) return hw::runWindowedNode(settings, options.seat, stopRequested);
  HeadlessPresenter presenter(settings.nodeId, settings.verbose);
  return hw::runNode(settings, presenter, stopRequested);
}

}  // namespace

void addNodeCommand(CLI::App& root, Action& selected) {
  auto options = std::make_shared<NodeOptions>();
  NodeSettings& s = options->settings;
  CLI::App* cmd = root.add_subcommand(
      "node", "Run one render node of the wall: follows the master's clock and schedule");
  cmd->add_option("--master", options->master,
                  "The master: HOST, HOST:PORT (its --port, default 7400) or http://HOST:PORT (its "
                  "--http-port; the wall port is then 7400)")
      ->required();
  cmd->add_option("--id", s.nodeId, "This node's id in the wall config (e.g. r0c1)")->required();
  cmd->add_flag("--headless", options->headless,
                "Present without a display (timestamps only; tests and benchmarks)");
  cmd->add_flag("--frames", s.frames,
                "With --headless: render this node's tile and report it to the master for its "
                "screenshots (windowed nodes always report what they draw)");
  cmd->add_flag("--windowed", options->seat.windowed,
                "A window of the display's size instead of fullscreen");
  cmd->add_option("--display", options->seat.display, "SDL display index to go fullscreen on")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--key", s.key,
                  "Wall key (else $HYPERWALL_KEY, else the key file in $HYPERWALL_STATE)");
  cmd->add_option("--clock", options->clock,
                  "sync: estimate the master clock over the network; system: trust this host's "
                  "clock (PTP/chrony sites)")
      ->check(CLI::IsMember({"sync", "system"}))
      ->capture_default_str();
  cmd->add_option("--cache", s.cacheDirectory,
                  "Asset cache folder (default: $XDG_CACHE_HOME/hyperwall/assets)");
  cmd->add_option("--holdover", s.holdoverSeconds,
                  "Seconds the show goes on without the master before the standby screen")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--sim-offset-ms", options->simOffsetMs,
                  "Testing: add this offset (ms) to the local clock and report estimate error");
  cmd->add_option("--sim-drift-ppm", options->simDriftPpm,
                  "Testing: make the local clock drift by this many ppm and report estimate error")
      ->check(CLI::Range(-1000.0, 1000.0));
  cmd->add_option("--present-trace", s.presentTrace,
                  "Testing, with --headless and --sim-*: append a line per movie frame presented "
                  "(true master time, host time, cue, frame interval) to this file");
  cmd->add_flag("--verbose", s.verbose, "One stderr line per cue presented");
  cmd->add_option("--protocol", s.protocol, "Testing: speak this protocol version")->group("");
  cmd->callback([&selected, options, cmd] {
    options->settings.simulate =
        cmd->count("--sim-offset-ms") > 0 || cmd->count("--sim-drift-ppm") > 0;
    // The trace's truth is the master's clock read on this host: only a
    // simulated clock error on one machine has it.
    if (!options->settings.presentTrace.empty() &&
        (!options->headless || !options->settings.simulate))
      throw CLI::ValidationError("--present-trace",
                                 "needs --headless and --sim-offset-ms or --sim-drift-ppm");
    selected = [options] { return runNode(*options); };
  });
}

}  // namespace hw::cli
