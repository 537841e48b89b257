#include "engine/control/WallStatus.h"

#include <algorithm>
#include <cmath>

namespace hw {
namespace {

void readPlayState(const std::string& name, WallStatus& s) {
  s.finished = name == "finished";
  if (name == "playing" || name == "finished")
    s.mode = PlaybackMode::Playing;
  else if (name == "paused")
    s.mode = PlaybackMode::Paused;
  else if (name == "stopped")
    s.mode = PlaybackMode::Stopped;
  else
    throw nlohmann::json::other_error::create(501, "unknown play state \"" + name + "\"", nullptr);
}

// A node's movie: the frame 1-based, as operators count ("frame 361 of 2700"); 0 = none yet.
nlohmann::json nodeMovieToJson(const std::optional<MovieFigures>& movie) {
  if (!movie) return nullptr;
  return {{"frame", movie->frame + 1},
          {"dropped", movie->dropped},
          {"late", movie->late},
          {"queued", movie->queued},
          {"decodeFps", movie->decodeFps}};
}

std::optional<MovieFigures> nodeMovieFromJson(const nlohmann::json& j) {
  auto found = j.find("movie");
  if (found == j.end() || found->is_null()) return std::nullopt;
  return MovieFigures{found->at("frame").get<std::int64_t>() - 1,
                      found->at("dropped").get<std::int64_t>(),
                      found->at("late").get<std::int64_t>(), found->at("queued").get<int>(),
                      found->at("decodeFps").get<double>()};
}

// A node's sound: ms, as the other clock figures are.
nlohmann::json nodeSoundToJson(const std::optional<SoundFigures>& sound) {
  if (!sound) return nullptr;
  return {{"playing", sound->playing},
          {"errorMs", sound->error * 1e3},
          {"deviceRatePercent", (sound->deviceRate - 1) * 100},
          {"jumps", sound->jumps}};
}

std::optional<SoundFigures> nodeSoundFromJson(const nlohmann::json& j) {
  auto found = j.find("sound");
  if (found == j.end() || found->is_null()) return std::nullopt;
  return SoundFigures{found->at("playing").get<bool>(), found->at("errorMs").get<double>() / 1e3,
                      1 + found->at("deviceRatePercent").get<double>() / 100,
                      found->at("jumps").get<std::int64_t>()};
}

// The cue's movie: frame and pass 1-based, as operators count them.
nlohmann::json cueMovieToJson(const std::optional<CueMovie>& movie) {
  if (!movie) return nullptr;
  return {
      {"fps", movie->fps},         {"frames", movie->frames}, {"passSeconds", movie->passSeconds},
      {"frame", movie->frame + 1}, {"pass", movie->pass + 1}, {"passes", movie->passes}};
}

std::optional<CueMovie> cueMovieFromJson(const nlohmann::json& j) {
  auto found = j.find("movie");
  if (found == j.end() || found->is_null()) return std::nullopt;
  return CueMovie{found->at("fps").get<double>(),
                  found->at("frames").get<std::int64_t>(),
                  found->at("passSeconds").get<double>(),
                  found->at("frame").get<std::int64_t>() - 1,
                  found->at("pass").get<std::int64_t>() - 1,
                  found->at("passes").get<std::int64_t>()};
}

nlohmann::json nodeToJson(const NodeHealth& n) {
  return {{"id", n.id},
          {"col", n.col},
          {"row", n.row},
          {"active", n.active},
          {"connected", n.connected},
          {"host", n.host},
          {"address", n.address},
          {"version", n.version},
          {"uptimeSeconds", n.uptimeSeconds},
          {"identifying", n.identifying},
          {"stale", n.stale},
          {"silentSeconds", n.silentSeconds},
          {"clockOffsetMs", n.clockOffsetMs},
          {"clockErrorMs", n.clockErrorMs},
          {"clockRatePpm", n.clockRatePpm},
          {"roundTripMs", n.roundTripMs},
          {"cacheProgress", n.cacheProgress},
          {"cacheProblem", n.cacheProblem},
          {"lastCueSkewMs", n.lastCueSkewMs},
          {"mediaError", n.mediaError},
          {"mediaErrorCue", n.mediaErrorCue + 1},
          {"movie", nodeMovieToJson(n.movie)},
          {"sound", nodeSoundToJson(n.sound)}};
}

NodeHealth nodeFromJson(const nlohmann::json& j) {
  NodeHealth n;
  n.id = j.at("id").get<std::string>();
  n.col = j.at("col").get<int>();
  n.row = j.at("row").get<int>();
  n.active = j.at("active").get<bool>();
  n.connected = j.at("connected").get<bool>();
  n.host = j.value("host", "");
  n.address = j.value("address", "");
  n.version = j.value("version", "");
  n.uptimeSeconds = j.value("uptimeSeconds", 0.0);
  n.identifying = j.value("identifying", false);
  n.stale = j.at("stale").get<bool>();
  n.silentSeconds = j.at("silentSeconds").get<double>();
  n.clockOffsetMs = j.at("clockOffsetMs").get<double>();
  n.clockErrorMs = j.at("clockErrorMs").get<double>();
  n.clockRatePpm = j.at("clockRatePpm").get<double>();
  n.roundTripMs = j.at("roundTripMs").get<double>();
  n.cacheProgress = j.at("cacheProgress").get<double>();
  n.cacheProblem = j.at("cacheProblem").get<std::string>();
  n.lastCueSkewMs = j.at("lastCueSkewMs").get<double>();
  n.mediaError = j.at("mediaError").get<std::string>();
  n.mediaErrorCue = j.at("mediaErrorCue").get<int>() - 1;
  n.movie = nodeMovieFromJson(j);
  n.sound = nodeSoundFromJson(j);
  return n;
}

nlohmann::json scheduledToJson(const std::optional<ScheduledChange>& change) {
  if (!change) return nullptr;
  return {{"cue", change->cueIndex + 1},
          {"cueTitle", change->cueTitle},
          {"state", playStateName(change->mode, change->finished)},
          {"elapsedSeconds", change->elapsedSeconds},
          {"inSeconds", change->inSeconds},
          {"at", change->localTime}};
}

std::optional<ScheduledChange> scheduledFromJson(const nlohmann::json& j) {
  auto found = j.find("scheduled");
  if (found == j.end() || found->is_null()) return std::nullopt;
  ScheduledChange change;
  change.cueIndex = found->at("cue").get<int>() - 1;
  change.cueTitle = found->at("cueTitle").get<std::string>();
  WallStatus after;
  readPlayState(found->at("state").get<std::string>(), after);
  change.mode = after.mode;
  change.finished = after.finished;
  change.elapsedSeconds = found->at("elapsedSeconds").get<double>();
  change.inSeconds = found->at("inSeconds").get<double>();
  change.localTime = found->at("at").get<std::string>();
  return change;
}

nlohmann::json preparingToJson(const std::vector<MoviePreparation>& preparing) {
  nlohmann::json list = nlohmann::json::array();
  for (const MoviePreparation& p : preparing)
    list.push_back({{"cue", p.cue + 1},
                    {"movie", p.movie},
                    {"framesDone", p.framesDone},
                    {"framesTotal", p.framesTotal},
                    {"error", p.error}});
  return list;
}

}  // namespace

std::string playStateName(PlaybackMode mode, bool finished) {
  switch (mode) {
    case PlaybackMode::Playing:
      return finished ? "finished" : "playing";
    case PlaybackMode::Paused:
      return "paused";
    case PlaybackMode::Stopped:
      break;
  }
  return "stopped";
}

int cachePercent(double cacheProgress) {
  if (cacheProgress >= 1) return 100;
  // The epsilon keeps 0.29 at 29 (0.29 * 100 is 28.999...).
  return std::clamp(static_cast<int>(std::floor(cacheProgress * 100 + 1e-9)), 0, 99);
}

nlohmann::json toJson(const WallStatus& s) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const NodeHealth& n : s.nodes) nodes.push_back(nodeToJson(n));
  nlohmann::json skews = nlohmann::json::array();
  for (const CueSkew& k : s.recentSkews) {
    skews.push_back({{"cue", k.cue + 1}, {"atSeconds", k.atSeconds}, {"spreadMs", k.spreadMs}});
  }
  // Cue numbers are 1-based on the wire, as operators say them ("cue 3 of 7").
  return {{"show",
           {{"title", s.showTitle}, {"source", s.showSource}, {"generation", s.showGeneration}}},
          {"cue", s.cueIndex + 1},
          {"cueCount", s.cueCount},
          {"cueTitle", s.cueTitle},
          {"state", playStateName(s.mode, s.finished)},
          {"cueSeconds", s.cueSeconds},
          {"elapsedSeconds", s.elapsedSeconds},
          {"timeLeftSeconds", s.timeLeftSeconds},
          {"movie", cueMovieToJson(s.movie)},
          {"testPattern", s.testPattern},
          {"blank", s.blank},
          {"wall",
           {{"name", s.wall.name},
            {"cols", s.wall.cols},
            {"rows", s.wall.rows},
            {"displayWidth", s.wall.displayWidth},
            {"displayHeight", s.wall.displayHeight},
            {"gapX", s.wall.gapX},
            {"gapY", s.wall.gapY}}},
          {"nodes", nodes},
          {"recentSkews", skews},
          {"scheduled", scheduledToJson(s.scheduled)},
          {"preparing", preparingToJson(s.preparing)},
          {"schedule", s.schedule ? toJson(*s.schedule) : nlohmann::json(nullptr)}};
}

WallStatus wallStatusFromJson(const nlohmann::json& j) {
  WallStatus s;
  const nlohmann::json& show = j.at("show");
  s.showTitle = show.at("title").get<std::string>();
  s.showSource = show.at("source").get<std::string>();
  s.showGeneration = show.at("generation").get<int>();
  s.cueIndex = j.at("cue").get<int>() - 1;
  s.cueCount = j.at("cueCount").get<int>();
  s.cueTitle = j.at("cueTitle").get<std::string>();
  readPlayState(j.at("state").get<std::string>(), s);
  s.cueSeconds = j.at("cueSeconds").get<double>();
  s.elapsedSeconds = j.at("elapsedSeconds").get<double>();
  s.timeLeftSeconds = j.at("timeLeftSeconds").get<double>();
  s.testPattern = j.at("testPattern").get<bool>();
  s.blank = j.at("blank").get<bool>();
  const nlohmann::json& wall = j.at("wall");
  s.wall.name = wall.at("name").get<std::string>();
  s.wall.cols = wall.at("cols").get<int>();
  s.wall.rows = wall.at("rows").get<int>();
  s.wall.displayWidth = wall.at("displayWidth").get<int>();
  s.wall.displayHeight = wall.at("displayHeight").get<int>();
  s.wall.gapX = wall.at("gapX").get<int>();
  s.wall.gapY = wall.at("gapY").get<int>();
  for (const nlohmann::json& n : j.at("nodes")) s.nodes.push_back(nodeFromJson(n));
  for (const nlohmann::json& k : j.at("recentSkews")) {
    s.recentSkews.push_back({k.at("cue").get<int>() - 1, k.at("atSeconds").get<double>(),
                             k.at("spreadMs").get<double>()});
  }
  s.scheduled = scheduledFromJson(j);
  s.movie = cueMovieFromJson(j);
  if (auto preparing = j.find("preparing"); preparing != j.end())
    for (const nlohmann::json& p : *preparing)
      s.preparing.push_back({p.at("cue").get<int>() - 1, p.at("movie").get<std::string>(),
                             p.at("framesDone").get<long long>(),
                             p.at("framesTotal").get<long long>(),
                             p.at("error").get<std::string>()});
  if (auto schedule = j.find("schedule"); schedule != j.end() && !schedule->is_null())
    s.schedule = scheduleReportFromJson(*schedule);
  return s;
}

}  // namespace hw
