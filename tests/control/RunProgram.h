#pragma once

#include <map>
#include <string>
#include <vector>

namespace hw::test {

struct ProgramRun {
  int exitCode = -1;  // the program's exit status; -1 if it did not exit normally
  std::string out;    // everything it wrote to stdout
  std::string err;    // everything it wrote to stderr
};

// Runs `args` (args[0] is the program) to completion with this process's
// environment changed by `env` (an empty value unsets the variable).
ProgramRun runProgram(const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& env = {});

}  // namespace hw::test
