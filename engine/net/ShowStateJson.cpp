#include "engine/net/ShowStateJson.h"

#include <limits>

#include "config/JsonObjectReader.h"

namespace hw {
namespace {

constexpr double kMaxSeconds = 1e12;  // s; any time or duration past this is corrupt

const char* modeName(Timeline::Mode mode) {
  switch (mode) {
    case Timeline::Mode::Playing: return "playing";
    case Timeline::Mode::Paused: return "paused";
    case Timeline::Mode::Stopped: return "stopped";
  }
  return "stopped";
}

}  // namespace

nlohmann::json showStateToJson(const ShowState& state) {
  nlohmann::json timelines = nlohmann::json::array();
  for (const auto& t : state.timelines)
    timelines.push_back({{"effective_at", t.effectiveAt}, {"mode", modeName(t.mode)},
                         {"cue", t.cue}, {"cue_start", t.cueStart},
                         {"paused_elapsed", t.pausedElapsed}});
  return {{"sequence", state.sequence}, {"timelines", timelines}};
}

ShowState showStateFromJson(const nlohmann::json& value, const std::string& origin) {
  JsonObjectReader reader(value, origin, "/state");
  ShowState state;
  const nlohmann::json* sequence = reader.find("sequence");
  if (!sequence || !sequence->is_number_unsigned())
    reader.fail("sequence", "must be a non-negative integer");
  state.sequence = sequence->get<std::uint64_t>();
  const nlohmann::json& list = reader.array("timelines");
  for (std::size_t i = 0; i < list.size(); ++i) {
    JsonObjectReader entry(list[i], origin, reader.pointerTo("timelines") + "/" + std::to_string(i));
    Timeline t;
    t.effectiveAt = entry.number("effective_at", -kMaxSeconds, kMaxSeconds);
    std::string mode = entry.string("mode");
    if (mode == "playing") t.mode = Timeline::Mode::Playing;
    else if (mode == "paused") t.mode = Timeline::Mode::Paused;
    else if (mode == "stopped") t.mode = Timeline::Mode::Stopped;
    else entry.fail("mode", "must be \"playing\", \"paused\" or \"stopped\" (got \"" + mode + "\")");
    t.cue = entry.integer("cue", -1, std::numeric_limits<int>::max());
    t.cueStart = entry.number("cue_start", -kMaxSeconds, kMaxSeconds);
    t.pausedElapsed = entry.number("paused_elapsed", 0.0, 0.0, kMaxSeconds);
    entry.rejectUnknownKeys();
    if (!state.timelines.empty() && t.effectiveAt < state.timelines.back().effectiveAt)
      entry.fail("effective_at", "timelines must be in order of effective_at");
    state.timelines.push_back(t);
  }
  reader.rejectUnknownKeys();
  return state;
}

nlohmann::json scheduleToJson(const ShowSchedule& schedule) {
  return {{"durations", schedule.durations}, {"loop", schedule.loop}};
}

ShowSchedule scheduleFromJson(const nlohmann::json& value, const std::string& origin) {
  JsonObjectReader reader(value, origin, "/schedule");
  ShowSchedule schedule;
  const nlohmann::json& durations = reader.array("durations");
  for (std::size_t i = 0; i < durations.size(); ++i) {
    if (!durations[i].is_number() || durations[i].get<double>() < 0 ||
        durations[i].get<double>() > kMaxSeconds)
      reader.fail("durations", "entry " + std::to_string(i) + " must be a number of seconds >= 0");
    schedule.durations.push_back(durations[i].get<double>());
  }
  schedule.loop = reader.boolean("loop", true);
  reader.rejectUnknownKeys();
  return schedule;
}

}  // namespace hw
