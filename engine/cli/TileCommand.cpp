#include <iostream>
#include <memory>

#include "config/WallConfigLoader.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "hwshow/ShowLoader.h"
#include "tiler/ShowTiler.h"

namespace hw::cli {
namespace {

struct TileOptions {
  std::vector<std::string> sources;
  std::string wall = "3x3-1080p";
  std::string out;
  int previewSize = 1920;
};

int runTile(const TileOptions& options) {
  WallConfig wall = loadWallConfig(options.wall);
  Playlist show = loadShow(options.sources, wall);
  for (const std::string& warning : show.warnings)
    std::cerr << "hyperwall tile: warning: " << warning << "\n";
  MediaSource media;
  ShowTilingResult result =
      tileShow(show, wall, media, {options.out, options.previewSize}, std::cerr);
  if (result.errors.empty()) return kExitOk;
  std::cerr << "hyperwall tile: " << result.errors.size() << " of " << show.cues.size()
            << " cues failed:\n";
  for (const std::string& error : result.errors) std::cerr << "  " << error << "\n";
  return kExitFailure;
}

}  // namespace

void addTileCommand(CLI::App& root, Action& selected) {
  auto options = std::make_shared<TileOptions>();
  CLI::App* tile = root.add_subcommand(
      "tile", "Write every cue's per-display tiles and a wall preview as PNG files");
  tile->footer(
      "Writes OUT/cue-001/r0c2.png (cue 1, display at row 0, column 2), ... and\n"
      "OUT/cue-001/wall.png, the whole wall scaled down with bezels and inactive\n"
      "panels marked. Media not downloaded is drawn as a stand-in card. A cue whose\n"
      "image cannot be read is reported and skipped; the others are still written.\n"
      "Exit status: 0 all cues written, 1 some failed, 2 bad input or usage.");
  tile->add_option("source", options->sources,
                   "SVS page JSON, .hwshow file, image folder or image files")
      ->required();
  tile->add_option("--wall", options->wall, "Wall preset name or wall JSON file")
      ->capture_default_str();
  tile->add_option("--out", options->out, "Folder to write into (created if missing)")->required();
  tile->add_option("--preview-size", options->previewSize,
                   "Longest side of each wall.png in pixels (never enlarged)")
      ->check(CLI::Range(16, 16384))
      ->capture_default_str();
  tile->callback([&selected, options] { selected = [options] { return runTile(*options); }; });
}

}  // namespace hw::cli
