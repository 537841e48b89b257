#pragma once

namespace hw {

// The exit statuses every hyperwall command keeps.
enum ExitStatus : int {
  kExitOk = 0,       // did what was asked
  kExitFailure = 1,  // a runtime failure: unreachable host, unreadable image, refused command
  kExitUsage = 2,    // bad input or usage: unknown flag, invalid show or wall file
};

}  // namespace hw
