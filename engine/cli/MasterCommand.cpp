#include <unistd.h>

#include <algorithm>
#include <asio.hpp>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>

#include "config/InputError.h"
#include "config/ScheduleCalendar.h"
#include "config/WallConfigLoader.h"
#include "config/WallScheduleLoader.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "engine/control/ApiReplies.h"
#include "engine/control/ControlApi.h"
#include "engine/control/WallEventLog.h"
#include "engine/control/WallKey.h"
#include "engine/control/WallKeyCheck.h"
#include "engine/control/WallKeyFile.h"
#include "engine/control/WallScheduler.h"
#include "engine/movie/MovieProbe.h"
#include "engine/net/AssetManifest.h"
#include "engine/net/DisplayMoviePreparer.h"
#include "engine/net/LogLine.h"
#include "engine/net/MasterService.h"
#include "engine/net/MasterStateFile.h"
#include "engine/net/MasterWallController.h"
#include "engine/net/Protocol.h"
#include "engine/net/ServiceNotifier.h"
#include "engine/net/WallAnnouncer.h"
#include "engine/render/Timeline.h"
#include "engine/render/TimelineSpec.h"
#include "hwshow/LocalMirror.h"
#include "hwshow/ShowLoader.h"

namespace hw::cli {
namespace {

// One line of the master's log (stderr, the journal, and the operators' log).
void masterLine(const std::string& line) { logLine("master", line); }

struct MasterOptions {
  std::vector<std::string> sources;
  std::string wall = "3x3-1080p";
  std::string bind = "0.0.0.0";
  int port = kDefaultPort;
  int httpPort = kDefaultHttpPort;  // the control API's default, so `hyperwall ctl` finds it
  bool statusNeedsKey = false;
  std::string key;
  std::string stateFile;
  double cueSeconds = 0;
  std::vector<std::string> showFolders;  // where `load` may read local shows
  std::string schedule;                  // opening hours file ("" = plays until told otherwise)
  std::string manualScheduleClock;       // testing: the schedule's manual clock starts here (UTC)
};

// The show at `sources` as the master serves it, --cue-seconds applied; the
// same for the first show and for every show loaded later.
Playlist loadMasterShow(const std::vector<std::string>& sources, const WallConfig& wall,
                        double cueSeconds) {
  Playlist show = loadShow(sources, wall);
  probeMovies(show, LocalMirror::fromEnvironment(), StandInMovies::Make,
              masterLine);
  for (const auto& warning : show.warnings) logLine("master", warning);
  if (cueSeconds > 0)
    for (auto& cue : show.cues) {
      cue.durationSeconds = cueSeconds;
      // Sent to nodes as this duration, not as the movie's loops they would time alike.
      cue.durationFromMovies = false;
    }
  return show;
}

// --show-folder, else the folders holding the shows the master started with,
// so that a show beside the running one loads without further setup.
std::vector<std::filesystem::path> showFoldersFor(const MasterOptions& options) {
  namespace fs = std::filesystem;
  std::vector<fs::path> folders;
  for (const auto& folder : options.showFolders) folders.push_back(fs::absolute(folder));
  if (!folders.empty()) return folders;
  for (const auto& source : options.sources) {
    std::error_code error;
    if (!fs::exists(source, error)) continue;  // a page id or URL
    fs::path parent = fs::absolute(source).lexically_normal().parent_path();
    if (std::find(folders.begin(), folders.end(), parent) == folders.end())
      folders.push_back(parent);
  }
  return folders;
}

std::string defaultStateFile() {
  namespace fs = std::filesystem;
  if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg)
    return (fs::path(xdg) / "hyperwall" / "master-state.json").string();
  if (const char* home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".local" / "state" / "hyperwall" / "master-state.json").string();
  return "hyperwall-master-state.json";
}

// The wall file's key, else --key or $HYPERWALL_KEY, else the one kept in the
// state folder (generated and printed on first start): a master is never open.
// Every key given is checked, used or not: a short one is a mistake to fix now.
std::string wallKeyFor(const WallConfig& wall, const MasterOptions& options) {
  std::string given = options.key;
  if (!given.empty()) {
    requireLongEnoughWallKey(given, "--key");
  } else if (const char* env = std::getenv("HYPERWALL_KEY"); env && *env) {
    requireLongEnoughWallKey(env, "$HYPERWALL_KEY");
    given = env;
  }
  if (!wall.key.empty()) {
    requireLongEnoughWallKey(wall.key, options.wall, "/key");
    if (!given.empty() && given != wall.key)
      logLine("master", "warning: using the wall file's key, not --key/$HYPERWALL_KEY");
    return wall.key;
  }
  if (!given.empty()) return given;
  WallKeyFile file = loadOrCreateWallKey(stateDirectory());
  if (file.created)
    logLine("master", "generated the wall key " + file.key + " (kept in " + file.path.string() +
                          "); give it to nodes and operators");
  return file.key;
}

// The show to start with: the one a `load` put on the wall before the master
// last stopped, if the state file says so and it still reads; else the
// command line's. Sets `loadedSource` to what it chose ("" = the command
// line's), and `resume` to false when the state it saved no longer applies.
Playlist startingShow(const MasterOptions& options, const WallConfig& wall,
                      const std::string& stateFile, std::string& loadedSource, bool& resume) {
  std::optional<MasterStateFile> saved;
  try {
    saved = MasterStateFile::read(stateFile);
  } catch (const std::exception&) {
    // MasterService says why it ignores the file when it resumes from it.
  }
  loadedSource = loadedShowToResume(saved, options.sources);
  if (!loadedSource.empty()) {
    try {
      Playlist show = loadMasterShow({loadedSource}, wall, options.cueSeconds);
      logLine("master", "resuming the show loaded before the restart: " + loadedSource);
      return show;
    } catch (const std::exception& e) {
      logLine("master", "the show loaded before the restart is gone (" + std::string(e.what()) +
                            "); playing the command line's show from its start");
      loadedSource.clear();
      resume = false;  // the state was the gone show's: this line says all there is to say
    }
  }
  return loadMasterShow(options.sources, wall, options.cueSeconds);
}

// Where an operator's browser finds the web remote: the bound address, or
// this host's name when the master listens on every interface.
std::string webRemoteUrl(const std::string& bind, int port) {
  std::string host = bind;
  if (bind == "0.0.0.0" || bind == "::") {
    char name[256] = {};
    host = ::gethostname(name, sizeof name - 1) == 0 && *name ? name : "localhost";
  } else if (bind.find(':') != std::string::npos) {
    host = "[" + bind + "]";
  }
  return "http://" + host + ":" + std::to_string(port) + "/";
}

// The sync figures the control API's status leaves out, keyed like a command.
void mountSyncRoute(GuardedHttpServer& server, MasterWallController& wall, const std::string& key) {
  server.Get("/api/sync", [&server, &wall, key](const httplib::Request& request,
                                                httplib::Response& response) {
    KeyCheck check = checkWallKey(server.keyAttempts(), request, bearerKeyOf(request), key);
    if (!check.granted()) return refuseKey(response, check);
    response.set_content(wall.syncStatusJson(request.has_param("samples")).dump(),
                         "application/json");
  });
}

// `show` as the master can serve it now (DisplayMoviePreparer::adopt). When
// no cue can play before its per-display movies are made, waits for them.
Playlist servableShow(DisplayMoviePreparer& preparer, const Playlist& show) {
  Playlist prepared = preparer.adopt(show);
  if (Timeline(timelineSpecFor(prepared)).firstPlayable() >= 0 ||
      Timeline(timelineSpecFor(show)).firstPlayable() < 0)
    return prepared;
  logLine("master", "no cue can play before its per-display movies are made: waiting for them");
  preparer.waitWhileBusy();
  return preparer.prepared();
}

// Pings systemd's watchdog from the io thread, the master's clock and
// schedule loop, so a handler that blocks the loop stops the pings.
void feedWatchdog(asio::steady_timer& timer, ServiceNotifier& systemd) {
  systemd.loopTurned();
  timer.expires_after(systemd.pingPeriod());
  timer.async_wait([&timer, &systemd](asio::error_code ec) {
    if (!ec) feedWatchdog(timer, systemd);
  });
}

// The show a scheduled master starts with when the command line names none:
// the slot's playing now, else the next one's, else the week's first.
std::string scheduledStartingShow(const WallSchedule& schedule) {
  ScheduleCalendar calendar(schedule);
  ScheduleMoment now =
      calendar.at(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  if (now.open) return now.open->slot->show;
  if (now.nextSlot) return now.nextSlot->show;
  for (const auto& day : schedule.week)
    if (!day.empty()) return day.front().show;
  throw InputError(schedule.file, "/week",
                   "no slot on any day: give the master a show to play, or open the wall");
}

// Testing only (--manual-schedule-clock): POST {"at": "2026-03-29T01:00:00Z"}
// sets the schedule's manual clock; keyed, like a command.
void mountScheduleClockRoute(GuardedHttpServer& server, WallScheduler& scheduler,
                             const std::string& key) {
  server.Post("/api/schedule/clock", [&server, &scheduler, key](const httplib::Request& request,
                                                                httplib::Response& response) {
    KeyCheck check = checkWallKey(server.keyAttempts(), request, bearerKeyOf(request), key);
    if (!check.granted()) return refuseKey(response, check);
    nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    std::string at = body.is_object() && body.contains("at") && body["at"].is_string()
                         ? body["at"].get<std::string>()
                         : "";
    std::optional<SysSeconds> t = parseUtcTime(at);
    if (!t)
      return replyError(response, 400,
                        "say {\"at\": \"2026-03-29T01:00:00Z\"}: the manual clock's time in UTC");
    scheduler.setManualTime(*t);
    replyJson(response, 200, toJson(scheduler.report()));
  });
}

int serveWall(const MasterOptions& options, const std::optional<WallSchedule>& schedule,
              std::optional<SysSeconds> manualClock) {
  // Every line the master writes, kept for operators (ctl log, the web remote).
  WallEventLog events;
  LogTap keep([&events](double at, const std::string& clock, const std::string& who,
                        const std::string& text) {
    events.record(at, clock, who == "master" ? text : who + ": " + text);
  });
  MasterSettings settings;
  settings.wall = loadWallConfig(options.wall);
  settings.key = wallKeyFor(settings.wall, options);
  settings.stateFile = options.stateFile.empty() ? defaultStateFile() : options.stateFile;
  settings.startSources = options.sources;
  LocalMirror mirror = LocalMirror::fromEnvironment();
  std::atomic<MasterWallController*> serving{nullptr};  // once it exists
  DisplayMoviePreparer preparer(
      settings.wall, std::filesystem::path(mirror.root()) / "display-movies", mirror, [&serving] {
        if (MasterWallController* controller = serving.load()) controller->refresh();
      });
  settings.playlist =
      servableShow(preparer, startingShow(options, settings.wall, settings.stateFile,
                                          settings.loadedSource, settings.resume));
  Playlist original = settings.playlist;
  logLine("master", "hashing the show's files");
  settings.assets = collectAssets(settings.playlist, LocalMirror::fromEnvironment());
  settings.bindAddress = options.bind;
  settings.port = options.port;
  settings.httpPort = options.httpPort;
  ControlSettings control;
  control.bindAddress = options.bind;
  control.port = options.httpPort;
  control.key = settings.key;
  control.statusNeedsKey = options.statusNeedsKey;
  control.showFolders = showFoldersFor(options);
  std::string folders;
  for (const auto& folder : control.showFolders) folders += " " + folder.string();
  logLine("master", "`load` reads local shows from" +
                        (folders.empty() ? std::string(" nowhere (no --show-folder)") : folders));
  WallConfig wall = settings.wall;
  std::string source = original.metadata.source;
  std::string key = settings.key;

  asio::io_context io;
  MasterService master(io, std::move(settings));
  MasterWallController controller(
      io, master, wall, std::move(original), source,
      [wall, cueSeconds = options.cueSeconds, &preparer](const std::string& loaded) {
        return preparer.adopt(loadMasterShow({loaded}, wall, cueSeconds));
      },
      preparer);
  serving = &controller;
  controller.refresh();  // movies made since the show was read
  std::unique_ptr<WallScheduler> scheduler;
  if (schedule) {
    scheduler = std::make_unique<WallScheduler>(
        controller, *schedule, masterLine,
        manualClock);
    controller.setScheduleReport([&scheduler] { return scheduler->report(); });
  }
  std::unique_ptr<ControlApi> api;
  master.setHttpRoutes([&](GuardedHttpServer& server) {
    api = mountControlApi(server, controller, control,
                          {masterLine, &events});
    mountSyncRoute(server, controller, key);
    if (scheduler && scheduler->manualClock()) mountScheduleClockRoute(server, *scheduler, key);
  });
  master.start();
  if (scheduler) scheduler->start();
  logLine("master", "web remote at " + webRemoteUrl(options.bind, options.httpPort));
  // Once serving: a node that finds the master through DNS-SD can join at once.
  WallAnnouncer announcer({wall.name, options.httpPort, kProtocolVersion}, options.port,
                          [](const std::string& line) { logLine("master", line); });
  ServiceNotifier systemd;
  systemd.ready();
  asio::steady_timer watchdog(io);
  if (systemd.watchdogInterval().count() > 0) feedWatchdog(watchdog, systemd);
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&io, &systemd](asio::error_code, int) {
    systemd.stopping();
    io.stop();
  });
  io.run();
  if (scheduler) scheduler->stop();  // its commands wait for the io thread no more
  preparer.stop();           // before the controller it calls goes
  api->closeEventStreams();  // else stopping the server waits for the open streams
  master.stopHttp();
  logLine("master", "stopped");
  return kExitOk;
}

int runMaster(const MasterOptions& options) {
  std::optional<WallSchedule> schedule;
  if (!options.schedule.empty()) schedule = loadWallSchedule(options.schedule);
  std::optional<SysSeconds> manualClock;
  if (!options.manualScheduleClock.empty()) {
    manualClock = parseUtcTime(options.manualScheduleClock);
    if (!manualClock)
      throw InputError(
          "--manual-schedule-clock", "",
          "\"" + options.manualScheduleClock + "\" is not a UTC time like 2026-03-29T01:00:00Z");
  }
  MasterOptions effective = options;
  if (effective.sources.empty()) effective.sources = {scheduledStartingShow(*schedule)};
  return serveWall(effective, schedule, manualClock);
}

}  // namespace

void addMasterCommand(CLI::App& root, Action& selected) {
  auto options = std::make_shared<MasterOptions>();
  CLI::App* cmd = root.add_subcommand(
      "master",
      "Run the show for a wall of render nodes: clock, schedule, assets (docs/protocol.md)");
  cmd->add_option("source", options->sources,
                  "SVS page JSON, .hwshow file, image folder or images (with --schedule: "
                  "default the schedule's show)");
  cmd->add_option("--wall", options->wall, "Wall preset name or wall JSON file")
      ->capture_default_str();
  cmd->add_option("--bind", options->bind,
                  "Address to listen on (TCP nodes, UDP clock, HTTP assets and control API)")
      ->capture_default_str();
  cmd->add_option("--port", options->port, "TCP/UDP port the nodes join and sync on")
      ->check(CLI::Range(1, 65535))
      ->capture_default_str();
  cmd->add_option("--http-port", options->httpPort,
                  "HTTP port: control API, web remote (/) and the nodes' asset downloads")
      ->check(CLI::Range(1, 65535))
      ->capture_default_str();
  cmd->add_option("--key", options->key,
                  "Wall key nodes and operators must present (the wall file's \"key\" wins; "
                  "default $HYPERWALL_KEY, else one generated and kept in the state folder)");
  cmd->add_flag("--status-needs-key", options->statusNeedsKey,
                "Require the key to read status, playlist and pictures too (default: open)");
  cmd->add_option("--state", options->stateFile,
                  "Where the show state is kept so a restart resumes "
                  "(default: $XDG_STATE_HOME/hyperwall/master-state.json)");
  cmd->add_option("--cue-seconds", options->cueSeconds,
                  "Show every cue for this many seconds instead of its own duration (rehearsal)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--show-folder", options->showFolders,
                  "Folder the control API may load local shows from (repeatable; relative load "
                  "paths start at the first; default: the folders of the shows given here)")
      ->allow_extra_args(false)  // one folder per --show-folder: the sources stay positional
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--schedule", options->schedule,
                  "Opening hours (docs/schedule.md): which show plays when; closed, the wall is "
                  "blanked and its displays powered down")
      ->check(CLI::ExistingFile);
  cmd->add_option("--manual-schedule-clock", options->manualScheduleClock,
                  "Testing: the schedule reads a manual clock starting at this UTC time "
                  "(2026-03-29T01:00:00Z), set by POST /api/schedule/clock")
      ->needs("--schedule");
  cmd->callback([&selected, options] {
    if (options->sources.empty() && options->schedule.empty())
      throw CLI::ValidationError("source", "give a show to play, or --schedule");
    selected = [options] { return runMaster(*options); };
  });
}

}  // namespace hw::cli
