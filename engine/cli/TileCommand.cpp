#include <unistd.h>

#include <iostream>
#include <memory>

#include "config/WallConfigLoader.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "engine/movie/PerDisplayMovies.h"
#include "hwshow/HwshowMedia.h"
#include "hwshow/HwshowValues.h"
#include "hwshow/ShowLoader.h"
#include "hwshow/ShowPaths.h"
#include "tiler/MediaError.h"
#include "tiler/ShowTiler.h"

namespace hw::cli {
namespace {

struct TileOptions {
  std::vector<std::string> sources;
  std::string wall = "3x3-1080p";
  std::string out;
  int previewSize = 1920;
  std::string fit = "fit";  // movies: how the movie fills the wall
};

// `tile MOVIE`: one movie per display. Progress is one line rewritten at each
// whole percent on a terminal, a line per 10 % in a log.
int runMovieTile(const TileOptions& options, const WallConfig& wall) {
  const std::string& source = options.sources.front();
  if (!isRegularFile(source)) {
    std::cerr << "hyperwall tile: " << source << ": no such file\n";
    return kExitUsage;
  }
  std::optional<FitMode> fit = fitFromName(options.fit);  // CLI11 checked the spelling
  const bool terminal = ::isatty(STDERR_FILENO);
  const long long step = terminal ? 1 : 10;  // percent between progress reports
  long long reported = -1;
  try {
    cutMoviePerDisplay(source, wall, *fit, options.out, [&](const MovieCutProgress& p) {
      long long percent = p.framesTotal > 0 ? p.framesDone * 100 / p.framesTotal : 0;
      if (percent / step == reported / step && reported >= 0) return;
      reported = percent;
      std::cerr << (terminal ? "\r" : "") << "hyperwall tile: frame " << p.framesDone << " of "
                << p.framesTotal << " (" << percent << " %)" << (terminal ? "" : "\n")
                << std::flush;
    });
  } catch (const MediaError& e) {
    std::cerr << (terminal && reported >= 0 ? "\n" : "") << "hyperwall tile: " << e.what() << "\n";
    return kExitFailure;
  }
  std::cerr << (terminal ? "\n" : "") << "hyperwall tile: wrote one movie per display and "
            << "manifest.json in " << options.out << "\n";
  return kExitOk;
}

int runTile(const TileOptions& options) {
  WallConfig wall = loadWallConfig(options.wall);
  if (options.sources.size() == 1 && looksLikeMovie(options.sources.front()))
    return runMovieTile(options, wall);
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
      "tile", "Write every cue's per-display tiles and a wall preview as PNG files, or a movie's per-display movies");
  tile->footer(
      "Writes OUT/cue-001/r0c2.png (cue 1, display at row 0, column 2), ... and\n"
      "OUT/cue-001/wall.png, the whole wall scaled down with bezels and inactive\n"
      "panels marked. Media not downloaded is drawn as a stand-in card. A cue whose\n"
      "image cannot be read is reported and skipped; the others are still written.\n"
      "Given one movie file (.mp4 .mov .m4v .webm .mkv) instead, writes one H.264\n"
      "movie per display, OUT/r0c2.mp4 (native size and rotation, a keyframe every\n"
      "second, cut as a node cuts the movie while playing it), and OUT/manifest.json.\n"
      "Exit status: 0 all cues written, 1 some failed, 2 bad input or usage.");
  tile->add_option("source", options->sources,
                   "SVS page JSON, .hwshow file, image folder, image files, or one movie file")
      ->required();
  tile->add_option("--wall", options->wall, "Wall preset name or wall JSON file")
      ->capture_default_str();
  tile->add_option("--out", options->out, "Folder to write into (created if missing)")->required();
  tile->add_option("--fit", options->fit, "Movies: fit, fill, stretch or native over the whole wall")
      ->check(CLI::IsMember({"fit", "fill", "stretch", "native"}))
      ->capture_default_str();
  tile->add_option("--preview-size", options->previewSize,
                   "Longest side of each wall.png in pixels (never enlarged)")
      ->check(CLI::Range(16, 16384))
      ->capture_default_str();
  tile->callback([&selected, options] { selected = [options] { return runTile(*options); }; });
}

}  // namespace hw::cli
