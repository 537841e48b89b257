#include <asio.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "config/InputError.h"
#include "config/WallConfigLoader.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "engine/net/AssetManifest.h"
#include "hwshow/LocalMirror.h"
#include "engine/net/MasterService.h"
#include "engine/net/Protocol.h"
#include "hwshow/ShowLoader.h"

namespace hw::cli {
namespace {

struct MasterOptions {
  std::vector<std::string> sources;
  std::string wall = "3x3-1080p";
  std::string bind = "0.0.0.0";
  int port = kDefaultPort;
  std::string key;
  std::string stateFile;
  double cueSeconds = 0;
};

std::string defaultStateFile() {
  namespace fs = std::filesystem;
  if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg)
    return (fs::path(xdg) / "hyperwall" / "master-state.json").string();
  if (const char* home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".local" / "state" / "hyperwall" / "master-state.json").string();
  return "hyperwall-master-state.json";
}

int runMaster(const MasterOptions& options) {
  MasterSettings settings;
  settings.wall = loadWallConfig(options.wall);
  settings.key = options.key;
  if (settings.key.empty())
    if (const char* env = std::getenv("HYPERWALL_KEY")) settings.key = env;
  if (settings.key.empty()) settings.key = settings.wall.key;
  if (settings.key.empty())
    std::cerr << "master: warning: the wall has no key; any host that can reach port "
              << options.port << " can join and control it\n";
  settings.playlist = loadShow(options.sources, settings.wall);
  for (const auto& warning : settings.playlist.warnings) std::cerr << "master: " << warning << "\n";
  if (options.cueSeconds > 0)
    for (auto& cue : settings.playlist.cues) cue.durationSeconds = options.cueSeconds;
  std::cerr << "master: hashing the show's files\n";
  settings.assets = collectAssets(settings.playlist, LocalMirror::fromEnvironment());
  settings.bindAddress = options.bind;
  settings.port = options.port;
  settings.stateFile = options.stateFile.empty() ? defaultStateFile() : options.stateFile;

  asio::io_context io;
  MasterService master(io, std::move(settings));
  master.start();
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&io](asio::error_code, int) { io.stop(); });
  io.run();
  std::cerr << "master: stopped\n";
  return kExitOk;
}

}  // namespace

void addMasterCommand(CLI::App& root, Action& selected) {
  auto options = std::make_shared<MasterOptions>();
  CLI::App* cmd = root.add_subcommand(
      "master", "Run the show for a wall of render nodes: clock, schedule, assets (docs/protocol.md)");
  cmd->add_option("source", options->sources, "SVS page JSON, .hwshow file, image folder or images")
      ->required();
  cmd->add_option("--wall", options->wall, "Wall preset name or wall JSON file")->capture_default_str();
  cmd->add_option("--bind", options->bind, "Address to listen on (TCP control, UDP clock, HTTP assets)")
      ->capture_default_str();
  cmd->add_option("--port", options->port, "TCP/UDP port; HTTP assets use PORT+1")
      ->check(CLI::Range(1, 65534))
      ->capture_default_str();
  cmd->add_option("--key", options->key,
                  "Wall key nodes and control tools must present (default: $HYPERWALL_KEY, "
                  "then the wall file's \"key\")");
  cmd->add_option("--state", options->stateFile,
                  "Where the show state is kept so a restart resumes "
                  "(default: $XDG_STATE_HOME/hyperwall/master-state.json)");
  cmd->add_option("--cue-seconds", options->cueSeconds,
                  "Show every cue for this many seconds instead of its own duration (rehearsal)")
      ->check(CLI::PositiveNumber);
  cmd->callback([&selected, options] { selected = [options] { return runMaster(*options); }; });
}

}  // namespace hw::cli
