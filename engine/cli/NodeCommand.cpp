#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "config/InputError.h"
#include "config/NodeForHost.h"
#include "config/WallConfigLoader.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "engine/cli/MasterLookup.h"
#include "engine/control/WallKeyFile.h"
#include "engine/net/AssetCache.h"
#include "engine/net/HeadlessPresenter.h"
#include "engine/net/HostNames.h"
#include "engine/net/LogLine.h"
#include "engine/net/MasterAddress.h"
#include "engine/net/NodeService.h"
#include "engine/net/WindowedNode.h"

namespace hw::cli {
namespace {

struct NodeOptions {
  std::string master;
  std::string wall = kSystemWallFile;
  bool displayGiven = false;
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

// What --id and --master leave out, from the wall file: this machine's node by
// its host name (and --display), and the master (findMaster: DNS-SD, else the
// wall's "master"). A node on a wall PC then needs no flags. Returns the
// master's address; nullopt when stopped while looking for it.
std::optional<MasterAddress> completeFromWallFile(NodeOptions& options) {
  NodeSettings& settings = options.settings;
  if (!settings.nodeId.empty() && !options.master.empty())
    return parseMasterAddress(options.master, "--master");
  if (wallPresetText(options.wall).empty() && !std::filesystem::exists(options.wall))
    throw InputError(options.wall, "",
                     "no such wall file: a node without --id or --master reads it (--wall; "
                     "docs/install.md)");
  WallConfig wall = loadWallConfig(options.wall);
  if (settings.nodeId.empty()) {
    std::vector<std::string> names = thisHostNames();
    const NodeConfig& node =
        nodeForHost(wall, options.wall, names,
                    options.displayGiven ? std::optional<int>(options.seat.display) : std::nullopt);
    settings.nodeId = node.id;
    options.seat.display = node.display;
    logLine("node " + node.id, "the node of host " + names.front() + ", display " +
                                   std::to_string(node.display) + " in " + options.wall);
  }
  if (!options.master.empty()) return parseMasterAddress(options.master, "--master");
  auto say = [&settings](const std::string& line) { logLine("node " + settings.nodeId, line); };
  return findMaster(wall, options.wall, {true, &stopRequested, say, say});
}

int runNode(NodeOptions options) {
  // Before the master is looked for: a node waiting for its master's
  // announcement stops on SIGTERM like a running one.
  std::signal(SIGINT, requestStop);
  std::signal(SIGTERM, requestStop);
  std::optional<MasterAddress> found = completeFromWallFile(options);
  if (!found) return kExitOk;
  NodeSettings& settings = options.settings;
  const MasterAddress& master = *found;
  settings.masterHost = master.host;
  settings.port = master.wallPort;
  settings.key = clientWallKey(settings.key);
  settings.systemClock = options.clock == "system";
  settings.simOffsetSeconds = options.simOffsetMs * 1e-3;
  settings.simDriftPpm = options.simDriftPpm;
  if (settings.cacheDirectory.empty()) settings.cacheDirectory = defaultAssetCacheDirectory();
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
  cmd->add_option(
      "--master", options->master,
      "The master: HOST, HOST:PORT (its --port, default 7400) or http://HOST:PORT (its "
      "--http-port; the wall port is then 7400); default: the master announcing the wall "
      "file's \"name\" through DNS-SD (Avahi), else the wall file's \"master\"");
  cmd->add_option("--id", s.nodeId,
                  "This node's id in the wall config (e.g. r0c1); default: the wall file's node "
                  "whose \"host\" is this machine (and whose \"display\" is --display)");
  cmd->add_option("--wall", options->wall,
                  "Wall file naming this machine's node and the master, read when --id or "
                  "--master is not given")
      ->capture_default_str();
  cmd->add_flag("--headless", options->headless,
                "Present without a display (timestamps only; tests and benchmarks)");
  cmd->add_flag("--frames", s.frames,
                "With --headless: render this node's tile and report it to the master for its "
                "screenshots (windowed nodes always report what they draw)");
  cmd->add_flag("--windowed", options->seat.windowed,
                "A window of the display's size instead of fullscreen");
  cmd->add_option("--display", options->seat.display,
                  "SDL display index to go fullscreen on; without --id also which of this host's "
                  "nodes to run (default: the node's \"display\" in the wall file, else 0)")
      ->check(CLI::NonNegativeNumber);
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
    options->displayGiven = cmd->count("--display") > 0;
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
