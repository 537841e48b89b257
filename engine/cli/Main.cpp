#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "config/InputError.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"

int main(int argc, char** argv) {
  CLI::App app{"hyperwall: plays shows across a video wall of many displays"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "hyperwall 0.1.0");

  hw::cli::Action selected;
  hw::cli::addPlanCommand(app, selected);
  hw::cli::addPatternCommand(app, selected);
  hw::cli::addMasterCommand(app, selected);
  hw::cli::addNodeCommand(app, selected);
  hw::cli::addRemoteCommand(app, selected);
  hw::cli::addTileCommand(app, selected);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);  // prints help, version or the usage error
    return status == 0 ? hw::kExitOk : hw::kExitUsage;
  }
  try {
    return selected();
  } catch (const hw::InputError& e) {
    std::cerr << "hyperwall: " << e.what() << "\n";
    return hw::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "hyperwall: " << e.what() << "\n";
    return hw::kExitFailure;
  }
}
