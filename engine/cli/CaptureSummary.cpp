#include "engine/cli/CaptureSummary.h"

#include <cstdio>
#include <stdexcept>

namespace hw {
namespace {

std::string masterSeconds(double value) {
  char text[48];
  std::snprintf(text, sizeof text, "%.3f", value);
  return text;
}

}  // namespace

std::string formatCaptureSummary(const nlohmann::json& capture) {
  if (!capture.is_object() || !capture.value("at", nlohmann::json()).is_number() ||
      !capture.value("nodes", nlohmann::json()).is_object() ||
      !capture.value("missing", nlohmann::json()).is_array())
    throw std::runtime_error("the master's capture summary is not {at, nodes, missing}");
  const nlohmann::json& nodes = capture["nodes"];
  const nlohmann::json& missing = capture["missing"];
  std::string text = "instant " + masterSeconds(capture["at"].get<double>()) +
                     " (master s): " + std::to_string(nodes.size()) +
                     (nodes.size() == 1 ? " node" : " nodes") + " answered, " +
                     std::to_string(missing.size()) + " did not\n";
  for (const auto& [id, node] : nodes.items()) {
    text += id + "  ";
    int cue = node.value("cue", 0);
    text += cue > 0 ? "cue " + std::to_string(cue) : std::string("no cue");
    if (node.contains("movieFrame"))
      text += ", movie frame " + std::to_string(node["movieFrame"].get<std::int64_t>());
    text += ", up since " + masterSeconds(node.value("at", 0.0)) + "\n";
  }
  for (const auto& id : missing)
    text += (id.is_string() ? id.get<std::string>() : id.dump()) +
            "  no answer: shown without a picture (or offline)\n";
  return text;
}

}  // namespace hw
