#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>

#include "config/WallConfigLoader.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "engine/movie/MovieProbe.h"
#include "engine/render/CueTilerSource.h"
#include "engine/render/InteractiveRehearsal.h"
#include "engine/render/NodeWindowLayout.h"
#include "engine/render/SnapshotRun.h"
#include "engine/render/SteadyClock.h"
#include "engine/render/TestPatternTiles.h"
#include "engine/render/WallGridLayout.h"
#include "engine/render/WindowFallback.h"
#include "hwshow/ShowLoader.h"
#include "tiler/CueTiler.h"
#include "tiler/MediaSource.h"
#include "tiler/WallCanvas.h"

namespace hw::cli {
namespace {

// Where headless rehearsals put their pictures unless told otherwise.
constexpr const char* kDefaultSnapshotFolder = "rehearsal";

struct RehearseOptions {
  std::vector<std::string> sources;
  std::string wall = "3x3-1080p";
  bool headless = false;
  std::string snapshot;  // folder for cue-NNN.png; "" = kDefaultSnapshotFolder
  long frames = 0;       // frames to draw headless; 0 = until the show ends
  double fps = 0.0;      // frames per second of show time headless; 0 = kDefaultFps
  double scale = 0.0;    // window px per canvas px; 0 = fit kRehearsalWindowBounds
  bool windows = false;  // one window per node instead of one for the wall
  std::vector<double> at;  // s of show time to write snapshots of; empty = one per cue
};

constexpr double kDefaultFps = 30.0;

int playInWindow(RenderWindow& window, const Playlist& show, CueTileSource& tiles,
                 const WallGridLayout& layout, CueTileSource& pattern, TextPainter& text) {
  SteadyClock clock;
  PlaybackSchedule schedule{Timeline(timelineSpecFor(show))};
  schedule.submit({PlaybackCommand::Kind::Play, clock.now()});
  Player player(window, clock, schedule, show, tiles, layout, {false, &pattern}, std::cerr);
  std::cerr << "rehearse: " << show.cues.size() << " cues (" << window.description()
            << "); space pause, arrows previous/next, digits+Enter go to, t test pattern, "
               "f fullscreen, s status, Esc quit\n";
  InteractiveRehearsal({{&window, &player}}, schedule, clock, show, text, layout.statusBand(), true)
      .run();
  return kExitOk;
}

// One window per node showing its framebuffer, placed on the screen like the
// wall; only the first waits for vsync, so presenting them all takes one frame.
int playInNodeWindows(const WallConfig& wall, const Playlist& show, CueTileSource& tiles,
                      double scale, CueTileSource& pattern, TextPainter& text) {
  constexpr int kMargin = 40;  // screen px from the top-left corner of the monitor
  WallCanvas canvas(wall);
  std::vector<std::unique_ptr<NodeWindowLayout>> layouts;
  std::vector<std::unique_ptr<RenderWindow>> windows;
  for (const NodeConfig& node : wall.nodes) {
    if (!node.active) continue;
    layouts.push_back(std::make_unique<NodeWindowLayout>(wall, node));
    Size framebuffer = layouts.back()->windowSize();
    RectI place = canvas.displayRect(node.col, node.row);
    RectI placement{kMargin + int(std::lround(place.x * scale)),
                    kMargin + int(std::lround(place.y * scale)),
                    std::max(1, int(std::lround(framebuffer.w * scale))),
                    std::max(1, int(std::lround(framebuffer.h * scale)))};
    windows.push_back(std::make_unique<RenderWindow>(
        WindowSettings{node.id, framebuffer, false, false, 0, placement, windows.empty()}));
  }
  SteadyClock clock;
  PlaybackSchedule schedule{Timeline(timelineSpecFor(show))};
  schedule.submit({PlaybackCommand::Kind::Play, clock.now()});
  std::vector<std::unique_ptr<Player>> players;
  std::vector<Screen> screens;
  for (std::size_t i = 0; i < windows.size(); ++i) {
    players.push_back(std::make_unique<Player>(*windows[i], clock, schedule, show, tiles,
                                               *layouts[i], PlayerSettings{false, &pattern},
                                               std::cerr));
    screens.push_back({windows[i].get(), players[i].get()});
  }
  std::cerr << "rehearse: " << show.cues.size() << " cues in " << windows.size()
            << " node windows (" << windows.front()->description() << ")\n";
  // Node windows are the nodes' framebuffers: the band goes over the first one's foot.
  Size first = windows.front()->size();
  int band = std::min(first.h, statusBandHeight(first.h, kRehearsalStatusLines));
  InteractiveRehearsal(screens, schedule, clock, show, text, {0, first.h - band, first.w, band},
                       true)
      .run();
  return kExitOk;
}

int recordSnapshots(RenderWindow& window, const Playlist& show, CueTileSource& tiles,
                    const WindowLayout& layout, const RehearseOptions& options,
                    const std::filesystem::path& folder) {
  ManualClock clock;
  TimelineSpec spec = timelineSpecFor(show);
  spec.loop = false;  // a snapshot run ends after the last cue
  PlaybackSchedule schedule{Timeline(spec)};
  schedule.submit({PlaybackCommand::Kind::Play, clock.now()});
  Player player(window, clock, schedule, show, tiles, layout, {true}, std::cerr);
  std::cerr << "rehearse: " << show.cues.size() << " cues, headless (" << window.description()
            << "), snapshots in " << folder.string() << "\n";
  SnapshotSettings settings{folder, options.fps > 0 ? options.fps : kDefaultFps, options.frames};
  SnapshotRun run(window, player, clock, show, settings, std::cerr);
  auto written = options.at.empty() ? run.run() : run.runAt(options.at);
  std::cerr << "rehearse: wrote " << written.size() << " snapshots in " << folder.string() << "\n";
  return kExitOk;
}

int runRehearse(const RehearseOptions& options) {
  WallConfig wall = loadWallConfig(options.wall);
  Playlist show = loadShow(options.sources, wall);
  probeMovies(show, LocalMirror::fromEnvironment(), StandInMovies::Make,
              [](const std::string& line) { std::cerr << "rehearse: " << line << "\n"; });
  for (const std::string& warning : show.warnings) std::cerr << "hyperwall: " << warning << "\n";
  bool headless = options.headless || !options.snapshot.empty() || options.frames > 0 ||
                  options.fps > 0 || !options.at.empty();
  // A window has the status band below the wall; snapshots are the wall alone,
  // as large as the window would be.
  int band = statusBandHeight(kRehearsalWindowBounds.h, kRehearsalStatusLines);
  Size wallBounds{kRehearsalWindowBounds.w, kRehearsalWindowBounds.h - (headless ? 0 : band)};
  int previewSize = options.scale > 0 ? previewSizeForScale(wall, options.scale)
                                      : previewSizeToFit(wall, wallBounds);
  WallGridLayout layout(wall, previewSize);
  WallGridLayout withStatus(wall, previewSize, band);
  MediaSource media;
  CueTiler tiler(wall, media);
  CueTilerSource tiles(show, tiler);
  TextPainter text;
  TestPatternTiles pattern(wall, text);
  if (options.windows && !headless && whyNoDisplay().empty())
    return playInNodeWindows(wall, show, tiles, layout.scale(), pattern, text);
  std::filesystem::path folder =
      options.snapshot.empty() ? kDefaultSnapshotFolder : options.snapshot;
  std::string title = "hyperwall rehearsal: " + show.metadata.title;
  OpenedWindow opened =
      openWindowOrHeadless({title, (headless ? layout : withStatus).windowSize(), headless});
  if (!opened.window->headless())
    return playInWindow(*opened.window, show, tiles, withStatus, pattern, text);
  if (!opened.fallbackReason.empty()) {
    std::cerr << "hyperwall: " << opened.fallbackReason << "; rehearsing headless, snapshots go to "
              << folder.string() << "/cue-NNN.png\n";
    opened.window.reset();  // it was sized for the status band
    opened.window =
        std::make_unique<RenderWindow>(WindowSettings{title, layout.windowSize(), true});
  }
  return recordSnapshots(*opened.window, show, tiles, layout, options, folder);
}

}  // namespace

void addRehearseCommand(CLI::App& root, Action& selected) {
  auto options = std::make_shared<RehearseOptions>();
  CLI::App* rehearse = root.add_subcommand(
      "rehearse", "Play a show on one monitor, every display of the wall in its place");
  rehearse
      ->add_option("source", options->sources,
                   "SVS page JSON, .hwshow file, image folder or images")
      ->required();
  rehearse->add_option("--wall", options->wall, "Wall preset name or wall JSON file")
      ->capture_default_str();
  rehearse->add_flag("--headless", options->headless,
                     "No window: write a PNG per cue (into ./rehearsal unless --snapshot)");
  rehearse->add_option("--snapshot", options->snapshot,
                       "Folder for cue-001.png, cue-002.png, ...; implies --headless");
  rehearse
      ->add_option("--frames", options->frames,
                   "Headless: stop after this many frames (default: at the end of the show)")
      ->check(CLI::Range(1L, 100000000L));
  rehearse
      ->add_option("--fps", options->fps, "Headless: frames per second of show time (default 30)")
      ->check(CLI::Range(1.0, 1000.0));
  rehearse
      ->add_option("--at", options->at,
                   "Headless: write the wall at these show times instead of once per cue "
                   "(seconds, comma-separated: --at 0,1.5,83)")
      ->delimiter(',')
      ->check(CLI::Range(0.0, 1e7));
  rehearse->add_flag("--windows", options->windows,
                     "One window per node, arranged like the wall, instead of one for the wall");
  rehearse
      ->add_option("--scale", options->scale,
                   "Window pixels per wall pixel (default: fit 1600x900)")
      ->check(CLI::Range(0.01, 1.0));
  rehearse->callback(
      [&selected, options] { selected = [options] { return runRehearse(*options); }; });
}

}  // namespace hw::cli
