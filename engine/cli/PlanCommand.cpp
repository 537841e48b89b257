#include <iostream>
#include <memory>

#include "config/WallConfigLoader.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "tiler/WallCanvas.h"

namespace hw::cli {
namespace {

struct PlanOptions {
  std::string source;
  std::string wall = "3x3-1080p";
  bool json = false;
};

int runPlan(const PlanOptions& options) {
  WallConfig wall = loadWallConfig(options.wall);
  WallCanvas canvas(wall);
  std::cout << "wall " << wall.name << ": " << wall.cols << "x" << wall.rows << " displays, canvas "
            << canvas.size().w << "x" << canvas.size().h << "\n";
  return kExitOk;
}

}  // namespace

void addPlanCommand(CLI::App& root, Action& selected) {
  auto options = std::make_shared<PlanOptions>();
  CLI::App* plan = root.add_subcommand("plan", "Print the playlist and every display's geometry");
  plan->add_option("source", options->source, "SVS page JSON, .hwshow file, image folder or images")
      ->required();
  plan->add_option("--wall", options->wall, "Wall preset name or wall JSON file")
      ->capture_default_str();
  plan->add_flag("--json", options->json, "Machine-readable output (docs/plan-json.md)");
  plan->callback([&selected, options] { selected = [options] { return runPlan(*options); }; });
}

}  // namespace hw::cli
