#pragma once

#include <filesystem>
#include <string>

namespace hw {

// Where hyperwall keeps state that must survive restarts (the wall key):
// $HYPERWALL_STATE, else $XDG_STATE_HOME/hyperwall, else $HOME/.local/state/hyperwall.
std::filesystem::path stateDirectory();

// The key file inside `stateDir`.
std::filesystem::path wallKeyPath(const std::filesystem::path& stateDir);

struct WallKeyFile {
  std::string key;             // the wall key
  std::filesystem::path path;  // where it is stored
  bool created = false;        // true: generated just now (print it once)
};

// Reads the wall key from `stateDir`, generating and storing one (mode 0600 in a
// 0700 folder) on first start. Refuses (std::runtime_error) a key file that
// others can read or write, or one that does not hold a key.
WallKeyFile loadOrCreateWallKey(const std::filesystem::path& stateDir);

// Reads an existing key file with the same checks; throws when absent, and
// InputError naming the file when its key is too short to be safe.
std::string readWallKey(const std::filesystem::path& keyFile);

// The key a client (`ctl`, `node`) presents: `given` (its --key), else
// $HYPERWALL_KEY, else the key file a master wrote in stateDirectory() on this
// machine; "" when there is none. A key file it cannot use is a warning on
// stderr (the master will say "wrong wall key"), not an error.
std::string clientWallKey(const std::string& given);

}  // namespace hw
