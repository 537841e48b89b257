#include "engine/net/HelloCheck.h"

#include "config/InputError.h"
#include "config/JsonObjectReader.h"
#include "engine/net/Protocol.h"
#include "engine/control/WallKey.h"

namespace hw {
namespace {

// A peer's value for a one-line refusal: a scalar as written (cut short), a
// container by its type only. Dumping a keyless client's value whole would
// recurse once per nesting level: a hello of 100,000 nested arrays
// overflowed the master's stack.
std::string describePeerValue(const nlohmann::json& value) {
  constexpr std::size_t kMaxChars = 40;
  if (value.is_structured()) return std::string("an ") + value.type_name();
  std::string text = value.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
  return text.size() > kMaxChars ? text.substr(0, kMaxChars) + "..." : text;
}

}  // namespace

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
  hello.instance = reader.string("instance", "");
  reader.rejectUnknownKeys();
  return hello;
}

std::string refusalReason(const nlohmann::json& message, const std::string& origin,
                          const std::string& wallKey, const WallConfig& wall) {
  if (message.is_object() && message.contains("protocol") &&
      message["protocol"] != kProtocolVersion) {
    return "protocol version " + describePeerValue(message["protocol"]) +
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
