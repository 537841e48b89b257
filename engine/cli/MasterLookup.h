#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "config/WallConfig.h"
#include "engine/net/MasterAddress.h"

namespace hw::cli {

// The wall file a packaged node (and ctl) reads for what --id and --master
// leave out (docs/install.md).
constexpr const char* kSystemWallFile = "/etc/hyperwall/wall.json";

// How long node and ctl browse DNS-SD for their master before they fall back
// to the wall file's "master" (a master on the LAN answers in well under it).
constexpr std::chrono::seconds kMasterBrowseWait{3};

struct MasterSearch {
  // With no "master" to fall back to: true browses on until the master
  // announces itself (a node started before its master), false fails.
  bool keepLooking = false;
  const std::atomic<bool>* stop = nullptr;           // set: give up (nullopt)
  std::function<void(const std::string&)> say;       // a fallback or the wait, in one line
  std::function<void(const std::string&)> sayFound;  // where DNS-SD found it; empty: quiet
};

// The master of `wall` (read from `wallFile`) when --master is not given
// (docs/install.md, "Finding the master"): the one announcing the wall's
// "name" through DNS-SD; without an Avahi daemon, or with none announced
// within kMasterBrowseWait, the wall file's "master". Throws InputError when
// there is no daemon and no "master", runtime_error when nothing was found and
// `keepLooking` is false or the daemon goes away; nullopt when `stop` is set.
std::optional<MasterAddress> findMaster(const WallConfig& wall, const std::string& wallFile,
                                        const MasterSearch& search);

}  // namespace hw::cli
