#include "engine/control/PlaylistWallController.h"

#include <filesystem>
#include <vector>

#include "engine/control/CueMoviePosition.h"
#include "engine/render/SeekRange.h"
#include "engine/render/TimelineSpec.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

using Kind = PlaybackCommand::Kind;

constexpr int kScreenshotSize = 960;  // pixels across, enough for a phone or a laptop panel
constexpr int kThumbnailSize = 240;   // pixels across, one playlist entry

// Share of the show's media this machine can read right now.
double localMediaShare(const Playlist& playlist) {
  int items = 0, present = 0;
  for (const Cue& cue : playlist.cues) {
    for (const LayoutItem& item : cue.items) {
      ++items;
      std::error_code error;
      if (std::filesystem::is_regular_file(item.media.uri, error)) ++present;
    }
  }
  return items == 0 ? 1.0 : double(present) / items;
}

std::optional<CommandRefused> conflict(const std::string& why) {
  return CommandRefused(RefusalReason::Conflict, why);
}

std::optional<CommandRefused> needsACue(const PlaybackPosition& p) {
  if (p.cue < 0) return conflict("nothing is on the wall: play or go to a cue first");
  return std::nullopt;
}

}  // namespace

PlaylistWallController::PlaylistWallController(WallConfig wall, ShowLoader loader)
    : wall_(std::move(wall)),
      loader_(std::move(loader)),
      pictures_(wall_),
      timer_([this] { runCueTimer(); }) {}

PlaylistWallController::~PlaylistWallController() {
  {
    std::lock_guard lock(mutex_);
    quitting_ = true;
  }
  timerWake_.notify_all();
  timer_.join();
}

WallStatus PlaylistWallController::status() {
  WallStatus s;
  WallCanvas canvas(wall_);
  s.wall = {wall_.name,          wall_.cols,    wall_.rows,   wall_.displayWidth,
            wall_.displayHeight, canvas.gapX(), canvas.gapY()};
  std::lock_guard lock(mutex_);
  PlaybackPosition position = timeline_.positionAt(state_, clock_.now());
  s.showTitle = playlist_.metadata.title;
  s.showSource = playlist_.metadata.source;
  s.showGeneration = generation_;
  s.cueIndex = position.cue;
  s.cueCount = timeline_.cueCount();
  s.cueTitle = position.cue >= 0 ? playlist_.cues[position.cue].title : "";
  s.mode = position.mode;
  s.finished = position.finished;
  s.cueSeconds = position.cue >= 0 ? timeline_.durationOf(position.cue) : 0.0;
  s.elapsedSeconds = position.elapsed;
  s.timeLeftSeconds = position.remaining;
  if (position.cue >= 0)
    s.movie = cueMoviePosition(playlist_.cues[position.cue], position.elapsed, s.cueSeconds);
  s.testPattern = testPattern_;
  s.blank = blank_;
  double cached = localMediaShare(playlist_);
  for (const NodeConfig& node : wall_.nodes) {
    NodeHealth health = NodeHealth::of(node);
    health.connected = node.active;  // in-process: a live display is always reachable
    health.cacheProgress = cached;
    s.nodes.push_back(health);
  }
  return s;
}

Playlist PlaylistWallController::playlist() {
  std::lock_guard lock(mutex_);
  return playlist_;
}

void PlaylistWallController::command(
    PlaybackCommand order,
    const std::function<std::optional<CommandRefused>(const PlaybackPosition&)>& refusal) {
  {
    std::lock_guard lock(mutex_);
    if (timeline_.cueCount() == 0)
      throw CommandRefused(RefusalReason::Conflict, "no show is loaded");
    order.at = clock_.now();
    if (auto refused = refusal(timeline_.positionAt(state_, order.at))) throw *refused;
    state_ = timeline_.apply(state_, order);
  }
  changed();
}

void PlaylistWallController::play() {
  command({Kind::Play}, [this](const PlaybackPosition&) -> std::optional<CommandRefused> {
    if (timeline_.firstPlayable() < 0) return conflict("the show has no cue that can play");
    return std::nullopt;
  });
}

void PlaylistWallController::pause() {
  command({Kind::Pause}, [](const PlaybackPosition& p) -> std::optional<CommandRefused> {
    if (p.cue < 0 || p.mode != PlaybackMode::Playing) return conflict("nothing is playing");
    return std::nullopt;
  });
}

void PlaylistWallController::resume() {
  command({Kind::Resume}, [](const PlaybackPosition& p) -> std::optional<CommandRefused> {
    if (p.mode != PlaybackMode::Paused) return conflict("the show is not paused");
    return std::nullopt;
  });
}

void PlaylistWallController::stop() {
  command({Kind::Stop}, [](const PlaybackPosition&) { return std::nullopt; });
}

void PlaylistWallController::next() {
  command({Kind::Next}, [this](const PlaybackPosition& p) -> std::optional<CommandRefused> {
    if (auto refused = needsACue(p)) return refused;
    if (timeline_.nextPlayable(p.cue) < 0) {
      return conflict("already at the last cue of a show that does not loop");
    }
    return std::nullopt;
  });
}

void PlaylistWallController::previous() { command({Kind::Previous}, needsACue); }

void PlaylistWallController::goTo(int cueIndex) {
  command({Kind::GoTo, 0, cueIndex},
          [this, cueIndex](const PlaybackPosition&) -> std::optional<CommandRefused> {
            int count = timeline_.cueCount();
            std::string number = std::to_string(cueIndex + 1);
            if (cueIndex < 0 || cueIndex >= count) {
              return CommandRefused(RefusalReason::BadRequest,
                                    "cue " + number + " is out of range: the show has " +
                                        std::to_string(count) + " cues");
            }
            if (!timeline_.playable(cueIndex)) {
              return CommandRefused(
                  RefusalReason::BadRequest,
                  "cue " + number + " cannot play: " + playlist_.cues[cueIndex].skipReason);
            }
            return std::nullopt;
          });
}

void PlaylistWallController::seek(double seconds) {
  command({Kind::Seek, 0, -1, seconds},
          [this, seconds](const PlaybackPosition& p) -> std::optional<CommandRefused> {
            if (auto refused = needsACue(p)) return refused;
            std::string outside = seekOutsideCue(timeline_, p.cue, seconds);
            if (!outside.empty()) return CommandRefused(RefusalReason::BadRequest, outside);
            return std::nullopt;
          });
}

void PlaylistWallController::load(const std::string& source) {
  Playlist loaded = loader_(source);  // slow and may throw: outside the lock, nothing changed yet
  if (loaded.cues.empty()) throw CommandRefused(RefusalReason::BadRequest, source + " has no cues");
  {
    std::lock_guard lock(mutex_);
    playlist_ = std::move(loaded);
    timeline_ = Timeline(timelineSpecFor(playlist_));
    state_ = PlaybackState{};
    ++generation_;
  }
  changed();
}

void PlaylistWallController::setTestPattern(bool on) {
  {
    std::lock_guard lock(mutex_);
    testPattern_ = on;
  }
  changed();
}

void PlaylistWallController::setBlank(bool on) {
  {
    std::lock_guard lock(mutex_);
    blank_ = on;
  }
  changed();
}

std::string PlaylistWallController::screenshotPng() {
  std::unique_lock lock(mutex_);
  int cue = timeline_.positionAt(state_, clock_.now()).cue;
  std::optional<Cue> shown;
  if (cue >= 0) shown = playlist_.cues[cue];
  int generation = generation_;
  bool pattern = testPattern_, blank = blank_;
  lock.unlock();  // drawing takes a while; commands need not wait for it
  return pictures_.wallPng(generation, cue, shown ? &*shown : nullptr, pattern, blank,
                           kScreenshotSize);
}

WallShot PlaylistWallController::screenshotAt(const CaptureInstant& instant) {
  std::unique_lock lock(mutex_);
  std::string problem;
  double at = captureTime(instant, clock_.now(), problem);
  if (!problem.empty()) throw CommandRefused(RefusalReason::BadRequest, problem);
  int cue = timeline_.positionAt(state_, at).cue;
  std::optional<Cue> shown;
  if (cue >= 0) shown = playlist_.cues[cue];
  int generation = generation_;
  bool pattern = testPattern_, blank = blank_;
  lock.unlock();
  // Drawn from the show, as screenshotPng: no node captures anything.
  return {pictures_.wallPng(generation, cue, shown ? &*shown : nullptr, pattern, blank,
                            kScreenshotSize),
          {{"at", at}, {"nodes", nlohmann::json::object()}, {"missing", nlohmann::json::array()}}};
}

std::string PlaylistWallController::cueThumbnailPng(int cueIndex) {
  std::unique_lock lock(mutex_);
  if (cueIndex < 0 || cueIndex >= static_cast<int>(playlist_.cues.size())) return "";
  Cue cue = playlist_.cues[cueIndex];
  int generation = generation_;
  lock.unlock();
  return pictures_.wallPng(generation, cueIndex, &cue, false, false, kThumbnailSize);
}

std::string PlaylistWallController::nodeFramePng(const std::string&) { return ""; }

std::uint64_t PlaylistWallController::subscribe(StateListener listener) {
  return listeners_.add(std::move(listener));
}

void PlaylistWallController::unsubscribe(std::uint64_t id) { listeners_.remove(id); }

void PlaylistWallController::changed() {
  timerWake_.notify_all();  // the next cue change may have moved
  listeners_.notify();
}

// The timeline needs no ticking, but remotes want to hear when a cue runs
// out: sleep until the current cue's time is up, then tell the listeners.
void PlaylistWallController::runCueTimer() {
  std::unique_lock lock(mutex_);
  while (!quitting_) {
    PlaybackPosition before = timeline_.positionAt(state_, clock_.now());
    if (before.mode == PlaybackMode::Playing && !before.finished) {
      timerWake_.wait_for(lock, std::chrono::duration<double>(before.remaining + 0.001));
    } else {
      timerWake_.wait(lock);
    }
    if (quitting_) break;
    PlaybackPosition after = timeline_.positionAt(state_, clock_.now());
    if (after.cue != before.cue || after.finished != before.finished) {
      lock.unlock();
      changed();
      lock.lock();
    }
  }
}

}  // namespace hw
