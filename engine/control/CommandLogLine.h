#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/control/WallStatus.h"

namespace hw {

// Who sent a request, as the wall's log names them: "ctl 10.0.0.5" (its
// User-Agent), "web 10.0.0.23" (the remote's X-Hyperwall-Client header) or
// "api 10.0.0.9" (anything else).
std::string requesterOf(const std::string& userAgent, const std::string& clientHeader,
                        const std::string& address);

// A command as an operator would say it: "goto 3", "blank on", "load shows/b.hwshow".
std::string commandWords(const std::string& name, const nlohmann::json& body);

// What the wall does after a command: `cue 3/7 "Sea ice" at 14:02:11.4` while
// the change is still to come, `cue 3/7 "Sea ice", paused` once it is there.
std::string commandOutcome(const WallStatus& status);

}  // namespace hw
