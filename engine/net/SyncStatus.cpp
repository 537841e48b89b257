#include "engine/net/SyncStatus.h"

#include <algorithm>
#include <cmath>

#include "engine/net/MovieFiguresJson.h"
#include "engine/net/SoundFiguresJson.h"

namespace hw {

Spread Spread::of(std::vector<double> values) {
  Spread spread;
  if (values.empty()) return spread;
  std::sort(values.begin(), values.end());
  auto at = [&](double q) {
    auto index = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
    return values[std::min(values.size() - 1, index > 0 ? index - 1 : 0)];
  };
  spread.count = static_cast<int>(values.size());
  spread.p50 = at(0.5);
  spread.p99 = at(0.99);
  spread.max = values.back();
  return spread;
}

nlohmann::json toJson(const Spread& spread) {
  return {{"count", spread.count}, {"p50", spread.p50}, {"p99", spread.p99}, {"max", spread.max}};
}

nlohmann::json toJson(const NodeSyncStatus& node) {
  return {{"id", node.id},
          {"connected", node.connected},
          {"link", node.link},
          {"silent_s", node.silentSeconds},
          {"address", node.address},
          {"host", node.host},
          {"version", node.version},
          {"uptime_s", node.uptimeSeconds},
          {"identifying", node.identifying},
          {"synced", node.synced},
          {"offset_s", node.offsetSeconds},
          {"host_clock_offset_s", node.hostClockOffsetSeconds},
          {"clock_error_s", node.clockErrorSeconds},
          {"last_change_late_s", node.lastChangeLateSeconds},
          {"rate_ppm", node.ratePpm},
          {"round_trip_s", node.roundTripSeconds},
          {"sync_s", node.syncSeconds},
          {"prepare_s", node.prepareSeconds},
          {"shown_cue", node.shownCue},
          {"cue_start", node.cueStart},
          {"elapsed_s", node.elapsedSeconds},
          {"frame_cue", node.frameCue},
          {"frame_at", node.frameAt},
          {"frame_movie", node.frameMovie},
          {"media_error", node.mediaError},
          {"media_error_cue", node.mediaErrorCue},
          {"movie", node.movie ? movieFiguresToJson(*node.movie) : nlohmann::json()},
          {"sound", node.sound ? soundFiguresToJson(*node.sound) : nlohmann::json()},
          {"assets",
           {{"done", node.assetsDone},
            {"total", node.assetsTotal},
            {"bytes_done", node.bytesDone},
            {"bytes_total", node.bytesTotal},
            {"failing_count", node.assetsFailingCount},
            {"failing", failuresToJson(node.assetsFailing)}}},
          {"clock_error_us", toJson(node.clockErrorUs)},
          {"naive_error_us", toJson(node.naiveErrorUs)}};
}

nlohmann::json toJson(const SyncStatus& status) {
  static const char* kModes[] = {"stopped", "playing", "paused"};  // PlaybackMode order
  nlohmann::json nodes = nlohmann::json::array();
  for (const auto& node : status.nodes) nodes.push_back(toJson(node));
  nlohmann::json cues = nlohmann::json::array();
  for (const auto& cue : status.cues)
    cues.push_back({{"cue", cue.cue}, {"scheduled", cue.scheduled}, {"nodes", cue.nodes},
                    {"skew_ms", cue.skewMs}, {"true_skew_ms", cue.trueSkewMs}});
  return {{"state_sequence", status.stateSequence},
          {"position",
           {{"cue", status.position.cue},
            {"cue_start", status.position.cueStart},
            {"elapsed_s", status.position.elapsed},
            {"mode", kModes[static_cast<int>(status.position.mode)]}}},
          {"lead_s", status.leadSeconds},
          {"master_time", status.masterTime},
          {"nodes", nodes},
          {"cues", cues}};
}

}  // namespace hw
