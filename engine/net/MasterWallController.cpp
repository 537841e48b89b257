#include "engine/net/MasterWallController.h"

#include <algorithm>
#include <future>
#include <memory>
#include <stdexcept>

#include "config/LogText.h"
#include "engine/control/CueMoviePosition.h"
#include "engine/net/AssetManifest.h"
#include "engine/net/HostClock.h"
#include "engine/net/LocalTime.h"
#include "engine/net/LogLine.h"
#include "engine/render/TimelineSpec.h"
#include "tiler/ImageFile.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

constexpr int kScreenshotSize = 960;        // pixels across, as PlaylistWallController draws
constexpr int kThumbnailSize = 240;         // pixels across, one playlist entry
constexpr double kRecentSkewSeconds = 300;  // s of cue changes in the status (the remote's plot)
// s after a capture's instant the master waits for the nodes' answers: a node
// answers as soon as its instant's picture is up (within 1 s), then encodes it.
constexpr double kCaptureAnswerSeconds = 3.0;

// Files fetched and verified, not bytes: 1 only when every file the node
// needs is in its cache and matches its digest.
double cacheShare(const NodeSyncStatus& node) {
  if (node.assetsTotal > 0)
    return std::min(1.0, static_cast<double>(node.assetsDone) / node.assetsTotal);
  return node.assetsReported ? 1.0 : 0.0;  // a show with nothing to fetch is all there
}

std::string cacheProblem(const NodeSyncStatus& node) {
  if (node.assetsFailing.empty()) return "";
  const FetchFailure& first = node.assetsFailing.front();
  std::string text = "cannot fetch " + first.name + ": " + first.error;
  if (node.assetsFailingCount > 1)
    text += " (and " + std::to_string(node.assetsFailingCount - 1) + " more files)";
  return text;
}

}  // namespace

MasterWallController::MasterWallController(asio::io_context& io, MasterService& master,
                                           WallConfig wall, Playlist original, std::string source,
                                           ShowLoader loader, const DisplayMoviePreparer& preparer)
    : io_(io),
      master_(master),
      wall_(std::move(wall)),
      loader_(std::move(loader)),
      preparer_(preparer),
      pictures_(wall_),
      screenshots_(wall_),
      shown_{std::make_shared<const Playlist>(std::move(original)), std::move(source), 1} {
  master_.setChangeListener([this] { listeners_.notify(); });
}

MasterWallController::Shown MasterWallController::shown() const {
  std::lock_guard lock(shownMutex_);
  return shown_;
}

void MasterWallController::onIoThread(const std::function<void()>& work) {
  // Shared with the posted handler, which may run after a timeout gave up on it.
  auto done = std::make_shared<std::promise<void>>();
  std::future<void> answer = done->get_future();
  asio::post(io_, [work, done] {
    try {
      work();
      done->set_value();
    } catch (...) {
      done->set_exception(std::current_exception());
    }
  });
  if (answer.wait_for(kAnswerTimeout) != std::future_status::ready)
    throw std::runtime_error("the master did not answer within " +
                             std::to_string(kAnswerTimeout.count()) + " s");
  answer.get();
}

WallStatus MasterWallController::status() {
  Shown show;
  return status(show);
}

WallStatus MasterWallController::status(Shown& show) {
  auto sync = std::make_shared<SyncStatus>();
  auto overlay = std::make_shared<std::string>();
  auto read = std::make_shared<Shown>();
  auto scheduled = std::make_shared<std::optional<MasterService::ScheduledChange>>();
  auto realtimeThen = std::make_shared<double>(0);
  onIoThread([this, sync, overlay, read, scheduled, realtimeThen] {
    *sync = master_.status(false, nullptr);
    *overlay = master_.overlay();
    *read = shown();  // replaced only on this thread, so it matches the position
    *scheduled = master_.scheduledChange();
    if (*scheduled) *realtimeThen = master_.clock().realtimeAt((*scheduled)->at);
  });
  show = *read;
  const Playlist& original = *show.original;
  WallStatus s;
  WallCanvas canvas(wall_);
  s.wall = {wall_.name,          wall_.cols,    wall_.rows,   wall_.displayWidth,
            wall_.displayHeight, canvas.gapX(), canvas.gapY()};
  const PlaybackPosition& at = sync->position;
  s.showTitle = original.metadata.title;
  s.showSource = show.source;
  s.showGeneration = show.generation;
  s.cueIndex = at.cue;
  s.cueCount = static_cast<int>(original.cues.size());
  s.cueTitle = at.cue >= 0 && at.cue < s.cueCount ? original.cues[at.cue].title : "";
  s.mode = at.mode;
  s.finished = at.finished;
  s.cueSeconds = at.cue >= 0 ? at.elapsed + at.remaining : 0.0;
  s.elapsedSeconds = at.elapsed;
  s.timeLeftSeconds = at.remaining;
  if (at.cue >= 0 && at.cue < s.cueCount)
    s.movie = cueMoviePosition(original.cues[at.cue], at.elapsed, s.cueSeconds);
  s.testPattern = *overlay == "pattern";
  s.blank = *overlay == "blank";
  s.preparing = preparer_.jobs();
  s.schedule = schedule();
  if (*scheduled) {
    const PlaybackPosition& then = (*scheduled)->position;
    s.scheduled =
        ScheduledChange{then.cue,
                        then.cue >= 0 && then.cue < s.cueCount ? original.cues[then.cue].title : "",
                        then.mode,
                        then.finished,
                        then.elapsed,
                        (*scheduled)->at - sync->masterTime,
                        localTimeOfDay(*realtimeThen, 1)};
  }
  for (const NodeConfig& node : wall_.nodes) {
    NodeHealth health = NodeHealth::of(node);
    for (const NodeSyncStatus& seen : sync->nodes) {
      if (seen.id != node.id) continue;
      health.connected = seen.connected;
      health.host = seen.host;
      health.address = seen.address.substr(0, seen.address.rfind(':'));  // without the port
      health.version = seen.version;
      health.uptimeSeconds = seen.uptimeSeconds;
      health.identifying = seen.connected && seen.identifying;
      health.stale = seen.link == "stale";
      health.silentSeconds = seen.silentSeconds;
      health.clockOffsetMs = seen.hostClockOffsetSeconds * 1e3;
      health.clockErrorMs = seen.clockErrorSeconds * 1e3;
      health.clockRatePpm = seen.ratePpm;
      health.roundTripMs = seen.roundTripSeconds * 1e3;
      health.cacheProgress = cacheShare(seen);
      health.cacheProblem = cacheProblem(seen);
      health.lastCueSkewMs = seen.lastChangeLateSeconds * 1e3;
      health.mediaError = seen.mediaError;
      health.mediaErrorCue = seen.mediaErrorCue;
      health.movie = seen.movie;
      health.sound = seen.sound;
    }
    s.nodes.push_back(health);
  }
  // The master remembers many more changes than a remote plots.
  for (const CueSkewStatus& change : sync->cues)
    if (change.scheduled >= sync->masterTime - kRecentSkewSeconds)
      s.recentSkews.push_back({change.cue, change.scheduled, change.skewMs});
  return s;
}

nlohmann::json MasterWallController::syncStatusJson(bool withSamples) {
  auto reply = std::make_shared<nlohmann::json>();
  onIoThread([this, withSamples, reply] {
    nlohmann::json samples;
    *reply = {{"status", toJson(master_.status(withSamples, &samples))}};
    if (withSamples) (*reply)["samples"] = samples;
  });
  return *reply;
}

Playlist MasterWallController::playlist() { return *shown().original; }

void MasterWallController::command(const nlohmann::json& message,
                                   const std::function<bool(const PlaybackPosition&)>& allowed,
                                   const std::string& refusal) {
  auto reply = std::make_shared<nlohmann::json>();
  auto refused = std::make_shared<bool>(false);
  onIoThread([this, message, allowed, reply, refused] {
    if (allowed && !allowed(master_.status(false, nullptr).position)) {
      *refused = true;
      return;
    }
    *reply = master_.runCommand(message);
  });
  if (*refused) throw CommandRefused(RefusalReason::Conflict, refusal);
  if (!reply->value("ok", false))
    throw CommandRefused(RefusalReason::BadRequest, reply->value("message", "refused"));
}

void MasterWallController::play() { command({{"action", "play"}}, nullptr, ""); }

void MasterWallController::pause() {
  command(
      {{"action", "pause"}},
      [](const PlaybackPosition& at) { return at.mode == PlaybackMode::Playing; },
      "the show is not playing");
}

void MasterWallController::resume() {
  command(
      {{"action", "resume"}}, [](const PlaybackPosition& at) { return at.paused(); },
      "the show is not paused");
}

void MasterWallController::stop() { command({{"action", "stop"}}, nullptr, ""); }

void MasterWallController::next() {
  command(
      {{"action", "next"}}, [](const PlaybackPosition& at) { return !at.finished; },
      "the show is at its end and does not loop");
}

void MasterWallController::previous() { command({{"action", "previous"}}, nullptr, ""); }

void MasterWallController::goTo(int cueIndex) {
  std::size_t count = shown().original->cues.size();
  if (cueIndex < 0 || cueIndex >= static_cast<int>(count))
    throw CommandRefused(RefusalReason::BadRequest, "no cue " + std::to_string(cueIndex + 1) +
                                                        " (the show has " + std::to_string(count) +
                                                        " cues)");
  command({{"action", "goto"}, {"cue", cueIndex}}, nullptr, "");
}

void MasterWallController::seek(double seconds) {
  // Whether the position fits is decided at the seek's scheduled time, by the master.
  command(
      {{"action", "seek"}, {"position", seconds}},
      [](const PlaybackPosition& at) { return at.cue >= 0; },
      "nothing is on the wall to seek in: play or go to a cue first");
}

void MasterWallController::load(const std::string& source) {
  std::lock_guard loading(loadMutex_);
  // Reading and hashing are slow and may throw: on this (HTTP) thread, before
  // anything changes, so the io thread never waits for a disk.
  auto original = std::make_shared<const Playlist>(loader_(source));
  if (original->cues.empty())
    throw CommandRefused(RefusalReason::BadRequest, source + " has no cues");
  if (Timeline(timelineSpecFor(*original)).firstPlayable() < 0)
    throw CommandRefused(RefusalReason::BadRequest, source + " has no cue that can play");
  // Shared with the posted work, which may run after a timeout gave up on it.
  auto served = std::make_shared<Playlist>(*original);
  auto assets = std::make_shared<AssetManifest>();
  try {
    *assets = collectAssets(*served, mirror_);
  } catch (const std::runtime_error& e) {
    throw CommandRefused(RefusalReason::BadRequest, e.what());
  }
  std::string named = original->metadata.source.empty() ? source : original->metadata.source;
  onIoThread([this, served, assets, original, named, source] {
    master_.replaceShow(std::move(*served), std::move(*assets), source);
    std::lock_guard lock(shownMutex_);
    shown_ = {original, named, shown_.generation + 1};
  });
}

void MasterWallController::refresh() {
  std::lock_guard loading(loadMutex_);  // the preparer's show is the served one's
  auto original = std::make_shared<const Playlist>(preparer_.prepared());
  auto served = std::make_shared<Playlist>(*original);
  auto assets = std::make_shared<AssetManifest>();
  try {
    *assets = collectAssets(*served, mirror_);
  } catch (const std::runtime_error& e) {
    logLine("master", std::string("cannot serve the per-display movies: ") + e.what());
    return;
  }
  asio::post(io_, [this, served, assets, original] {
    try {
      if (!master_.updateShow(std::move(*served), std::move(*assets))) return;
    } catch (const std::runtime_error& e) {
      logLine("master", std::string("cannot serve the per-display movies: ") + e.what());
      return;
    }
    std::lock_guard lock(shownMutex_);
    shown_.original = original;
  });
}

void MasterWallController::setOverlay(const std::string& overlay, bool on) {
  onIoThread([this, overlay, on] {
    if (on)
      master_.setOverlay(overlay);
    else if (master_.overlay() == overlay)
      master_.setOverlay("none");
  });
}

void MasterWallController::setTestPattern(bool on) { setOverlay("pattern", on); }

void MasterWallController::setBlank(bool on) { setOverlay("blank", on); }

std::vector<std::string> MasterWallController::identify(const std::vector<std::string>& nodeIds,
                                                        double seconds) {
  for (const std::string& id : nodeIds)
    if (!wall_.findNode(id))
      throw CommandRefused(RefusalReason::BadRequest,
                           "no node \"" + logSafe(id) + "\" on wall " + wall_.name);
  auto asked = std::make_shared<std::vector<std::string>>();
  onIoThread([this, asked, nodeIds, seconds] { *asked = master_.identify(nodeIds, seconds); });
  if (asked->empty())
    throw CommandRefused(RefusalReason::Conflict, nodeIds.size() == 1
                                                      ? nodeIds.front() + " is not connected"
                                                      : "no node is connected");
  return *asked;
}

std::string MasterWallController::screenshotPng() {
  WallStatus s = status();
  std::map<std::string, NodeFrames::Frame> frames = master_.frames().all();
  std::map<std::string, SnapshotPanel> panels;
  double now = monotonicSeconds();
  for (const NodeHealth& node : s.nodes) {
    auto frame = frames.find(node.id);
    if (frame == frames.end())
      panels[node.id] = {nullptr, node.connected};
    else
      panels[node.id] = {&frame->second->picture, node.connected, now - frame->second->receivedAt};
  }
  return encodePng(screenshots_.compose(panels, kScreenshotSize));
}

WallShot MasterWallController::screenshotAt(const CaptureInstant& instant) {
  std::string problem;
  double now = master_.clock().now();
  double at = captureTime(instant, now, problem);
  if (!problem.empty()) throw CommandRefused(RefusalReason::BadRequest, problem);
  double deadline = monotonicSeconds() + std::max(0.0, at - now) + kCaptureAnswerSeconds;
  // Shared with the posted work, which may run after a timeout gave up on it.
  auto id = std::make_shared<std::uint64_t>(0);
  onIoThread([this, id, at, deadline] { *id = master_.startCapture(at, deadline); });
  if (*id == 0)
    throw CommandRefused(RefusalReason::Busy,
                         "another screenshot of one instant is being taken; try again in a moment");
  WallCapture::Answers answers = master_.capture().finish(*id, deadline);

  WallStatus s = status();
  std::map<std::string, NodeFrames::Frame> last = master_.frames().all();
  std::map<std::string, SnapshotPanel> panels;
  nlohmann::json nodes = nlohmann::json::object();
  nlohmann::json missing = nlohmann::json::array();
  double received = monotonicSeconds();
  for (const NodeHealth& node : s.nodes) {
    if (!node.active) continue;  // crossed out
    if (auto answer = answers.find(node.id); answer != answers.end()) {
      const NodeFrame& frame = *answer->second;
      panels[node.id] = {&frame.picture, true, 0};
      // Numbered from 1, as the control API numbers cues and movie frames.
      nodes[node.id] = {{"at", frame.at}, {"cue", frame.cue + 1}};
      if (frame.movieFrame >= 0) nodes[node.id]["movieFrame"] = frame.movieFrame + 1;
      continue;
    }
    missing.push_back(node.id);
    // Disconnected: as the screenshot of last frames draws it; connected but
    // silent: no picture, since its last one may be of another instant.
    auto frame = last.find(node.id);
    if (node.connected || frame == last.end())
      panels[node.id] = {nullptr, node.connected};
    else
      panels[node.id] = {&frame->second->picture, false, received - frame->second->receivedAt};
  }
  return {encodePng(screenshots_.compose(panels, kScreenshotSize)),
          {{"at", at}, {"nodes", nodes}, {"missing", missing}}};
}

std::string MasterWallController::cueThumbnailPng(int cueIndex) {
  Shown show = shown();
  if (cueIndex < 0 || cueIndex >= static_cast<int>(show.original->cues.size())) return "";
  return pictures_.wallPng(show.generation, cueIndex, &show.original->cues[cueIndex], false, false,
                           kThumbnailSize);
}

std::string MasterWallController::nodeFramePng(const std::string& nodeId) {
  NodeFrames::Frame frame = master_.frames().latest(nodeId);
  return frame ? frame->png : "";
}

std::optional<ScheduleReport> MasterWallController::schedule() {
  if (!scheduleReport_) return std::nullopt;
  return scheduleReport_();
}

void MasterWallController::setScheduleReport(std::function<ScheduleReport()> report) {
  scheduleReport_ = std::move(report);
}

std::uint64_t MasterWallController::subscribe(StateListener listener) {
  return listeners_.add(std::move(listener));
}

void MasterWallController::unsubscribe(std::uint64_t id) { listeners_.remove(id); }

}  // namespace hw
