#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace hw::cli {

// What a subcommand does once its arguments are parsed; returns an ExitStatus.
using Action = std::function<int()>;

// Each adds one subcommand to `root`; when it is the one given on the command
// line, its callback stores what it will run in `selected`.
void addPlanCommand(CLI::App& root, Action& selected);
void addPatternCommand(CLI::App& root, Action& selected);
void addMasterCommand(CLI::App& root, Action& selected);
void addNodeCommand(CLI::App& root, Action& selected);
void addRehearseCommand(CLI::App& root, Action& selected);
void addCtlCommand(CLI::App& root, Action& selected);
void addFetchCommand(CLI::App& root, Action& selected);
void addTileCommand(CLI::App& root, Action& selected);

}  // namespace hw::cli
