#include "engine/net/ShowStateJson.h"

#include <limits>

#include "config/JsonObjectReader.h"

namespace hw {
namespace {

constexpr double kMaxSeconds = 1e12;  // s; any time past this is corrupt
constexpr int kMaxCue = std::numeric_limits<int>::max();

const char* modeName(PlaybackMode mode) {
  switch (mode) {
    case PlaybackMode::Playing: return "playing";
    case PlaybackMode::Paused: return "paused";
    case PlaybackMode::Stopped: return "stopped";
  }
  return "stopped";
}

PlaybackState parseBase(JsonObjectReader reader) {
  PlaybackState state;
  std::string mode = reader.string("mode");
  if (mode == "playing") state.mode = PlaybackMode::Playing;
  else if (mode == "paused") state.mode = PlaybackMode::Paused;
  else if (mode == "stopped") state.mode = PlaybackMode::Stopped;
  else reader.fail("mode", "must be \"playing\", \"paused\" or \"stopped\" (got \"" + mode + "\")");
  state.cue = reader.integer("cue", -1, kMaxCue);
  state.cueStart = reader.number("cue_start", -kMaxSeconds, kMaxSeconds);
  state.pausedAt = reader.number("paused_at", -kMaxSeconds, kMaxSeconds);
  state.fromCue = reader.integer("from_cue", -1, -1, kMaxCue);
  reader.rejectUnknownKeys();
  return state;
}

}  // namespace

nlohmann::json showStateToJson(const ShowState& state) {
  const PlaybackState& b = state.base;
  nlohmann::json pending = nlohmann::json::array();
  for (const auto& c : state.pending) {
    nlohmann::json command{{"command", commandKindName(c.kind)}, {"at", c.at}, {"cue", c.cue}};
    if (c.kind == PlaybackCommand::Kind::Seek) command["position"] = c.position;
    pending.push_back(command);
  }
  return {{"sequence", state.sequence},
          {"base", {{"mode", modeName(b.mode)}, {"cue", b.cue}, {"cue_start", b.cueStart},
                    {"paused_at", b.pausedAt}, {"from_cue", b.fromCue}}},
          {"pending", pending}};
}

ShowState showStateFromJson(const nlohmann::json& value, const std::string& origin) {
  JsonObjectReader reader(value, origin, "/state");
  ShowState state;
  const nlohmann::json* sequence = reader.find("sequence");
  if (!sequence || !sequence->is_number_unsigned())
    reader.fail("sequence", "must be a non-negative integer");
  state.sequence = sequence->get<std::uint64_t>();
  state.base = parseBase(reader.object("base"));
  const nlohmann::json& list = reader.array("pending");
  for (std::size_t i = 0; i < list.size(); ++i) {
    JsonObjectReader entry(list[i], origin, reader.pointerTo("pending") + "/" + std::to_string(i));
    PlaybackCommand command;
    std::string name = entry.string("command");
    auto kind = commandKindNamed(name);
    if (!kind) entry.fail("command", "unknown command \"" + name + "\"");
    command.kind = *kind;
    command.at = entry.number("at", -kMaxSeconds, kMaxSeconds);
    command.cue = entry.integer("cue", -1, -1, kMaxCue);
    if (command.kind == PlaybackCommand::Kind::Seek)
      command.position = entry.number("position", 0, kMaxSeconds);
    entry.rejectUnknownKeys();
    if (!state.pending.empty() && command.at < state.pending.back().at)
      entry.fail("at", "pending commands must be in order of time");
    state.pending.push_back(command);
  }
  reader.rejectUnknownKeys();
  return state;
}

}  // namespace hw
