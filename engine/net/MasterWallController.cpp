#include "engine/net/MasterWallController.h"

#include <future>
#include <memory>
#include <stdexcept>

#include "tiler/WallCanvas.h"

namespace hw {
namespace {

constexpr int kScreenshotSize = 960;  // pixels across, as PlaylistWallController draws
constexpr int kThumbnailSize = 240;   // pixels across, one playlist entry
constexpr double kRecentSkewSeconds = 300;  // s of cue changes in the status (the remote's plot)
constexpr int kShowGeneration = 1;    // the master serves one show for its whole run

double cacheShare(const NodeSyncStatus& node) {
  if (node.bytesTotal > 0) return static_cast<double>(node.bytesDone) / node.bytesTotal;
  return node.assetsTotal > 0 ? static_cast<double>(node.assetsDone) / node.assetsTotal : 0.0;
}

}  // namespace

MasterWallController::MasterWallController(asio::io_context& io, MasterService& master,
                                           WallConfig wall, Playlist original, std::string source)
    : io_(io), master_(master), wall_(std::move(wall)), original_(std::move(original)),
      source_(std::move(source)), pictures_(wall_) {
  master_.setChangeListener([this] { listeners_.notify(); });
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
  auto sync = std::make_shared<SyncStatus>();
  auto overlay = std::make_shared<std::string>();
  onIoThread([this, sync, overlay] {
    *sync = master_.status(false, nullptr);
    *overlay = master_.overlay();
  });
  WallStatus s;
  WallCanvas canvas(wall_);
  s.wall = {wall_.name,          wall_.cols,    wall_.rows,   wall_.displayWidth,
            wall_.displayHeight, canvas.gapX(), canvas.gapY()};
  const PlaybackPosition& at = sync->position;
  s.showTitle = original_.metadata.title;
  s.showSource = source_;
  s.showGeneration = kShowGeneration;
  s.cueIndex = at.cue;
  s.cueCount = static_cast<int>(original_.cues.size());
  s.cueTitle = at.cue >= 0 && at.cue < s.cueCount ? original_.cues[at.cue].title : "";
  s.mode = at.mode;
  s.finished = at.finished;
  s.cueSeconds = at.cue >= 0 ? at.elapsed + at.remaining : 0.0;
  s.timeLeftSeconds = at.remaining;
  s.testPattern = *overlay == "pattern";
  s.blank = *overlay == "blank";
  for (const NodeConfig& node : wall_.nodes) {
    NodeHealth health = NodeHealth::of(node);
    for (const NodeSyncStatus& seen : sync->nodes) {
      if (seen.id != node.id) continue;
      health.connected = seen.connected;
      health.clockOffsetMs = seen.hostClockOffsetSeconds * 1e3;
      health.clockErrorMs = seen.clockErrorSeconds * 1e3;
      health.clockRatePpm = seen.ratePpm;
      health.roundTripMs = seen.roundTripSeconds * 1e3;
      health.cacheProgress = cacheShare(seen);
      health.lastCueSkewMs = seen.lastChangeLateSeconds * 1e3;
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

Playlist MasterWallController::playlist() { return original_; }

void MasterWallController::command(const std::string& action, int cue,
                                   const std::function<bool(const PlaybackPosition&)>& allowed,
                                   const std::string& refusal) {
  auto reply = std::make_shared<nlohmann::json>();
  auto refused = std::make_shared<bool>(false);
  onIoThread([this, action, cue, allowed, reply, refused] {
    if (allowed && !allowed(master_.status(false, nullptr).position)) {
      *refused = true;
      return;
    }
    *reply = master_.runCommand({{"action", action}, {"cue", cue}});
  });
  if (*refused) throw CommandRefused(RefusalReason::Conflict, refusal);
  if (!reply->value("ok", false))
    throw CommandRefused(RefusalReason::BadRequest, reply->value("message", "refused"));
}

void MasterWallController::play() {
  command("play", -1, nullptr, "");
}

void MasterWallController::pause() {
  command("pause", -1, [](const PlaybackPosition& at) { return at.mode == PlaybackMode::Playing; },
          "the show is not playing");
}

void MasterWallController::resume() {
  command("resume", -1, [](const PlaybackPosition& at) { return at.paused(); },
          "the show is not paused");
}

void MasterWallController::stop() { command("stop", -1, nullptr, ""); }

void MasterWallController::next() {
  command("next", -1, [](const PlaybackPosition& at) { return !at.finished; },
          "the show is at its end and does not loop");
}

void MasterWallController::previous() { command("previous", -1, nullptr, ""); }

void MasterWallController::goTo(int cueIndex) {
  if (cueIndex < 0 || cueIndex >= static_cast<int>(original_.cues.size()))
    throw CommandRefused(RefusalReason::BadRequest,
                         "no cue " + std::to_string(cueIndex + 1) + " (the show has " +
                             std::to_string(original_.cues.size()) + " cues)");
  command("goto", cueIndex, nullptr, "");
}

void MasterWallController::load(const std::string&) {
  throw CommandRefused(RefusalReason::Conflict,
                       "loading another show on a running master is not supported yet; restart "
                       "the master");
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

std::string MasterWallController::screenshotPng() {
  WallStatus s = status();
  const Cue* cue = s.cueIndex >= 0 ? &original_.cues[s.cueIndex] : nullptr;
  return pictures_.wallPng(kShowGeneration, s.cueIndex, cue, s.testPattern, s.blank,
                           kScreenshotSize);
}

std::string MasterWallController::cueThumbnailPng(int cueIndex) {
  if (cueIndex < 0 || cueIndex >= static_cast<int>(original_.cues.size())) return "";
  return pictures_.wallPng(kShowGeneration, cueIndex, &original_.cues[cueIndex], false, false,
                           kThumbnailSize);
}

std::uint64_t MasterWallController::subscribe(StateListener listener) {
  return listeners_.add(std::move(listener));
}

void MasterWallController::unsubscribe(std::uint64_t id) { listeners_.remove(id); }


}  // namespace hw
