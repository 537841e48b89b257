#include <iostream>
#include <memory>

#include "config/WallConfigLoader.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "engine/render/InteractiveRehearsal.h"
#include "engine/render/SteadyClock.h"
#include "engine/render/TestPatternTiles.h"
#include "engine/render/WallGridLayout.h"
#include "engine/render/WindowFallback.h"
#include "tiler/ImageFile.h"

namespace hw::cli {
namespace {

struct PatternOptions {
  std::string wall = "3x3-1080p";
  bool headless = false;
  std::string snapshot;
  double scale = 0.0;  // window px per canvas px; 0 = fit kRehearsalWindowBounds
};

int runPattern(const PatternOptions& options) {
  WallConfig wall = loadWallConfig(options.wall);
  WallGridLayout layout(wall, options.scale > 0 ? previewSizeForScale(wall, options.scale)
                                                : previewSizeToFit(wall, kRehearsalWindowBounds));
  std::string file = options.snapshot.empty() ? "test-pattern.png" : options.snapshot;
  OpenedWindow opened =
      openWindowOrHeadless({"hyperwall test pattern: " + wall.name, layout.windowSize(),
                            options.headless || !options.snapshot.empty()});
  if (!opened.fallbackReason.empty())
    std::cerr << "hyperwall: " << opened.fallbackReason << "; drawing headless into " << file
              << "\n";
  RenderWindow& window = *opened.window;

  TextPainter text;
  TestPatternTiles pattern(wall, text);
  Playlist noShow;
  SteadyClock clock;
  PlaybackSchedule schedule{Timeline(timelineSpecFor(noShow))};
  Player player(window, clock, schedule, noShow, pattern, layout, {false, &pattern}, std::cerr);
  player.showTestPattern(true);
  if (!window.headless()) {
    std::cerr << "pattern: wall " << wall.name << " (" << window.description()
              << "); f fullscreen, Esc quit\n";
    InteractiveRehearsal({{&window, &player}}, schedule, clock, noShow, text, layout.statusBand(),
                         false)
        .run();
    return kExitOk;
  }
  player.draw();
  writePngFile(window.readPixels(), file);
  player.present();
  std::cerr << "pattern: wall " << wall.name << ", " << wall.activeNodeCount()
            << " displays at scale " << layout.scale() << " -> " << file << " ("
            << layout.windowSize().w << "x" << layout.windowSize().h << ")\n";
  return kExitOk;
}

}  // namespace

void addPatternCommand(CLI::App& root, Action& selected) {
  auto options = std::make_shared<PatternOptions>();
  CLI::App* pattern = root.add_subcommand(
      "pattern", "Show the calibration pattern on the whole wall, drawn as in rehearsal");
  pattern->add_option("--wall", options->wall, "Wall preset name or wall JSON file")
      ->capture_default_str();
  pattern->add_flag("--headless", options->headless,
                    "Draw without a display and write the picture (test-pattern.png)");
  pattern->add_option("--snapshot", options->snapshot, "PNG file to write; implies --headless");
  pattern
      ->add_option("--scale", options->scale,
                   "Window pixels per wall pixel (default: fit 1600x900)")
      ->check(CLI::Range(0.01, 1.0));
  pattern->callback(
      [&selected, options] { selected = [options] { return runPattern(*options); }; });
}

}  // namespace hw::cli
