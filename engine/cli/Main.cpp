#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "config/InputError.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "engine/net/SoftwareVersion.h"

int main(int argc, char** argv) {
  CLI::App app{"hyperwall: plays shows across a video wall of many displays"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "hyperwall " + hw::softwareVersion());

  hw::cli::Action selected;
  hw::cli::addPlanCommand(app, selected);
  hw::cli::addPatternCommand(app, selected);
  hw::cli::addMasterCommand(app, selected);
  hw::cli::addNodeCommand(app, selected);
  hw::cli::addRehearseCommand(app, selected);
  hw::cli::addCtlCommand(app, selected);
  hw::cli::addFetchCommand(app, selected);
  hw::cli::addTileCommand(app, selected);

  if (argc > 1 && argv[1][0] != '-') {
    std::string names;
    bool known = false;
    for (const CLI::App* command : app.get_subcommands({})) {
      known = known || command->get_name() == argv[1];
      names += (names.empty() ? "" : ", ") + command->get_name();
    }
    if (!known) {
      std::cerr << "hyperwall: unknown command \"" << argv[1] << "\" (commands: " << names << ")\n";
      return hw::kExitUsage;
    }
  }
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
