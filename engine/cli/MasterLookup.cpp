#include "engine/cli/MasterLookup.h"

#include <stdexcept>

#include "config/InputError.h"
#include "engine/net/MasterBrowser.h"

namespace hw::cli {
namespace {

std::optional<MasterAddress> configuredMaster(const WallConfig& wall, const std::string& wallFile) {
  if (wall.master.empty()) return std::nullopt;
  try {
    return parseMasterAddress(wall.master, wallFile);
  } catch (const InputError& e) {
    throw InputError(wallFile, "/master", e.problem());
  }
}

}  // namespace

std::optional<MasterAddress> findMaster(const WallConfig& wall, const std::string& wallFile,
                                        const MasterSearch& search) {
  std::optional<MasterAddress> configured = configuredMaster(wall, wallFile);
  std::atomic<bool> never{false};
  const std::atomic<bool>& stop = search.stop ? *search.stop : never;
  std::string named = "wall \"" + wall.name + "\"";
  MasterBrowser browser(wall.name);
  if (!browser.daemonProblem().empty()) {
    if (!configured)
      throw InputError(wallFile, "/master",
                       "no Avahi daemon to find the master of " + named + " through DNS-SD (" +
                           browser.daemonProblem() +
                           ") and no \"master\": set it in the wall file, or give --master");
    search.say("no Avahi daemon (" + browser.daemonProblem() + "): using the wall file's master " +
               wall.master);
    return configured;
  }
  std::optional<FoundMaster> found = browser.find(kMasterBrowseWait, stop);
  if (!found && !stop && !configured && search.keepLooking && browser.daemonProblem().empty()) {
    search.say("waiting for the master of " + named + " to announce itself through DNS-SD");
    while (!found && !stop && browser.daemonProblem().empty())
      found = browser.find(std::chrono::hours(1), stop);
  }
  if (found) {
    if (search.sayFound)
      search.sayFound("found the master of " + named + " through DNS-SD at " + found->address.host +
                      ":" + std::to_string(found->address.wallPort) + " (" +
                      found->address.httpUrl + ", protocol " +
                      std::to_string(found->announcement.protocol) + ")");
    return found->address;
  }
  if (stop) return std::nullopt;
  std::string why = browser.daemonProblem().empty()
                        ? "no master of " + named + " announced through DNS-SD in " +
                              std::to_string(kMasterBrowseWait.count()) + " s"
                        : "lost the Avahi daemon (" + browser.daemonProblem() + ")";
  if (configured) {
    search.say(why + ": using the wall file's master " + wall.master);
    return configured;
  }
  throw std::runtime_error(
      why + ": is the master running? (or give --master, or set \"master\" in " + wallFile + ")");
}

}  // namespace hw::cli
