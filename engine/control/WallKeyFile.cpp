#include "engine/control/WallKeyFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "config/InputError.h"
#include "engine/control/WallKey.h"

namespace hw {
namespace fs = std::filesystem;

fs::path stateDirectory() {
  if (const char* own = std::getenv("HYPERWALL_STATE"); own && *own) return own;
  if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg)
    return fs::path(xdg) / "hyperwall";
  if (const char* home = std::getenv("HOME"); home && *home) {
    return fs::path(home) / ".local" / "state" / "hyperwall";
  }
  throw std::runtime_error("no state folder: set HYPERWALL_STATE or HOME");
}

fs::path wallKeyPath(const fs::path& stateDir) { return stateDir / "wall.key"; }

std::string readWallKey(const fs::path& keyFile) {
  struct stat info {};
  if (::stat(keyFile.c_str(), &info) != 0) {
    throw std::runtime_error("cannot read wall key " + keyFile.string() + ": " +
                             std::strerror(errno));
  }
  if ((info.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(info.st_mode & 0777));
    throw std::runtime_error("wall key " + keyFile.string() + " is open to other users (mode " +
                             mode + "); run: chmod 600 " + keyFile.string());
  }
  std::ifstream in(keyFile);
  std::string key;
  std::getline(in, key);
  if (key.empty() || key.size() > 256 || key.find_first_of(" \t\r") != std::string::npos) {
    throw std::runtime_error("wall key " + keyFile.string() +
                             " does not hold a key (one line, no spaces)");
  }
  requireLongEnoughWallKey(key, keyFile.string());
  return key;
}

WallKeyFile loadOrCreateWallKey(const fs::path& stateDir) {
  fs::path keyFile = wallKeyPath(stateDir);
  if (fs::exists(keyFile)) return {readWallKey(keyFile), keyFile, false};

  fs::create_directories(stateDir);
  fs::permissions(stateDir, fs::perms::owner_all, fs::perm_options::replace);
  std::string key = generateWallKey();
  // O_EXCL: two masters starting at once must not both write a key.
  int fd = ::open(keyFile.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return {readWallKey(keyFile), keyFile, false};
    throw std::runtime_error("cannot create wall key " + keyFile.string() + ": " +
                             std::strerror(errno));
  }
  std::string line = key + "\n";
  bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ::close(fd);
  if (!written) {
    fs::remove(keyFile);
    throw std::runtime_error("cannot write wall key " + keyFile.string());
  }
  return {key, keyFile, true};
}

std::string clientWallKey(const std::string& given) {
  if (!given.empty()) {
    requireLongEnoughWallKey(given, "--key");
    return given;
  }
  if (const char* env = std::getenv("HYPERWALL_KEY"); env && *env) {
    requireLongEnoughWallKey(env, "$HYPERWALL_KEY");
    return env;
  }
  try {
    fs::path file = wallKeyPath(stateDirectory());
    if (!fs::exists(file)) return "";
    return readWallKey(file);
  } catch (const InputError&) {
    throw;  // a key file holding a short key is bad input, as a short --key is
  } catch (const std::exception& e) {
    std::cerr << "hyperwall: warning: " << e.what() << "\n";
    return "";
  }
}

}  // namespace hw
