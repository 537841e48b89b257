#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "config/WallConfigLoader.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "engine/cli/PlanReport.h"
#include "engine/movie/MovieProbe.h"
#include "hwshow/HwshowWriter.h"
#include "hwshow/ShowLoader.h"

namespace hw::cli {
namespace {

struct PlanOptions {
  std::vector<std::string> sources;
  std::string wall = "3x3-1080p";
  bool json = false;
  std::string emitHwshow;  // file to write the playlist to as an editable .hwshow
};

void writeHwshow(const Playlist& playlist, const std::string& file) {
  std::filesystem::path path = std::filesystem::absolute(file);
  nlohmann::ordered_json document = playlistToHwshow(playlist, path.parent_path().string());
  std::ofstream out(path);
  out << document.dump(2) << "\n";
  if (!out.flush()) throw std::runtime_error(file + ": cannot write the .hwshow file");
  std::cerr << "wrote " << file << "\n";
}

int runPlan(const PlanOptions& options) {
  WallConfig wall = loadWallConfig(options.wall);
  Playlist playlist = loadShow(options.sources, wall);
  // Planning makes nothing: a stand-in movie is timed here and made by the
  // master or rehearsal that plays it.
  probeMovies(playlist, LocalMirror::fromEnvironment(), StandInMovies::Describe);
  nlohmann::json report = planReport(playlist, wall);
  if (options.json) {
    std::cout << report.dump(2) << "\n";
  } else {
    std::cout << planText(report);
  }
  if (!options.emitHwshow.empty()) {
    // A stand-in's rate and length are not its movie's: the show states none.
    for (Cue& cue : playlist.cues)
      for (LayoutItem& item : cue.items)
        if (playsStandInMovie(item.media, LocalMirror::fromEnvironment())) item.media.movie = {};
    writeHwshow(playlist, options.emitHwshow);
  }
  return kExitOk;
}

}  // namespace

void addPlanCommand(CLI::App& root, Action& selected) {
  auto options = std::make_shared<PlanOptions>();
  CLI::App* plan = root.add_subcommand(
      "plan", "Print the playlist: per cue the chosen media, timing, layout and notes, and what "
              "each display shows");
  plan->add_option("source", options->sources,
                   "SVS page JSON, SVS page id or URL (cached), .hwshow file, image folder, or "
                   "image files")
      ->required();
  plan->add_option("--wall", options->wall, "Wall preset name or wall JSON file")
      ->capture_default_str();
  plan->add_flag("--json", options->json, "Machine-readable output (docs/plan-json.md)");
  plan->add_option("--emit-hwshow", options->emitHwshow,
                   "Also write the playlist as an editable .hwshow file");
  plan->callback([&selected, options] { selected = [options] { return runPlan(*options); }; });
}

}  // namespace hw::cli
