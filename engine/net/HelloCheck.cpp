#include "engine/net/HelloCheck.h"

#include "config/InputError.h"
#include "config/JsonObjectReader.h"
#include "config/NodeId.h"
#include "engine/net/Protocol.h"
#include "engine/control/WallKey.h"

namespace hw {

nlohmann::json helloToJson(const Hello& hello) {
  nlohmann::json message{{"type", "hello"},   {"protocol", hello.protocol}, {"key", hello.key},
                         {"role", hello.role}, {"instance", hello.instance}};
  if (hello.role == "node") message["node"] = hello.nodeId;
  return message;
}

Hello helloFromJson(const nlohmann::json& message, const std::string& origin) {
  JsonObjectReader reader(message, origin, "");
  Hello hello;
  if (reader.string("type") != "hello") reader.fail("type", "expected \"hello\" first");
  hello.protocol = reader.integer("protocol", 0, 1 << 30);
  hello.key = reader.string("key", "");
  hello.role = reader.string("role");
  if (hello.role != "node" && hello.role != "control")
    reader.fail("role", "must be \"node\" or \"control\" (got \"" + hello.role + "\")");
  hello.nodeId = hello.role == "node" ? reader.string("node") : "";
  if (std::string problem = hello.role == "node" ? nodeIdProblem(hello.nodeId) : "";
      !problem.empty())
    reader.fail("node", problem);
  hello.instance = reader.string("instance", "");
  reader.rejectUnknownKeys();
  return hello;
}

namespace {

// A peer's "protocol" for a refusal, short whatever it is: a string may be
// megabytes long and an array nested too deep to write out.
std::string describeProtocol(const nlohmann::json& protocol) {
  constexpr std::size_t kShownBytes = 40;  // bytes of a string shown
  if (protocol.is_structured()) return "(" + describeJsonType(protocol) + ")";
  if (!protocol.is_string()) return protocol.dump();
  const auto& text = protocol.get_ref<const std::string&>();
  return "\"" + text.substr(0, kShownBytes) + (text.size() > kShownBytes ? "...\"" : "\"");
}

}  // namespace

std::string refusalReason(const nlohmann::json& message, const std::string& origin,
                          const std::string& wallKey, const WallConfig& wall) {
  if (message.is_object() && message.contains("protocol") &&
      message["protocol"] != kProtocolVersion) {
    return "protocol version " + describeProtocol(message["protocol"]) +
           " is not supported (this master speaks protocol " + std::to_string(kProtocolVersion) +
           ")";
  }
  Hello hello;
  try {
    hello = helloFromJson(message, origin);
  } catch (const InputError& e) {
    return std::string("malformed hello: ") + e.what();
  }
  if (!wallKeysEqual(hello.key, wallKey)) return "wrong wall key";
  if (hello.role == "control") return "";
  const NodeConfig* node = wall.findNode(hello.nodeId);
  if (!node) {
    std::string ids;
    for (const auto& n : wall.nodes) ids += (ids.empty() ? "" : ", ") + n.id;
    return "no node \"" + hello.nodeId + "\" on wall " + wall.name + " (nodes: " + ids + ")";
  }
  if (!node->active) return "node \"" + hello.nodeId + "\" is inactive in wall " + wall.name;
  return "";
}

}  // namespace hw
