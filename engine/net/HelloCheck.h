#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "config/WallConfig.h"

namespace hw {

// Who is knocking, as its hello says.
struct Hello {
  int protocol = 0;      // protocol version the peer speaks
  std::string key;       // the wall key it presents
  std::string role;      // "node" (a render client) or "control" (an operator tool)
  std::string nodeId;    // node role: its id in the wall config
  std::string instance;  // random per process start: tells a restart from a reconnect
};

nlohmann::json helloToJson(const Hello& hello);
// Throws InputError (origin names the peer) for a malformed hello.
Hello helloFromJson(const nlohmann::json& message, const std::string& origin);

// "" when the master accepts `hello`, otherwise the reason it is refused, one
// line meant for both ends' logs. The version is checked first so that a
// future protocol's hello, whatever else it carries, gets a clear answer.
std::string refusalReason(const nlohmann::json& message, const std::string& origin,
                          const std::string& wallKey, const WallConfig& wall);

}  // namespace hw
