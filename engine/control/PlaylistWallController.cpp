#include "engine/control/PlaylistWallController.h"

#include <filesystem>
#include <limits>
#include <optional>
#include <vector>

#include "tiler/WallCanvas.h"

namespace hw {
namespace {

constexpr int kScreenshotWidth = 960;  // pixels, enough for a phone or a laptop panel
constexpr int kThumbnailWidth = 240;   // pixels, one playlist row

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

[[noreturn]] void refuse(RefusalReason reason, const std::string& message) {
  throw CommandRefused(reason, message);
}

}  // namespace

PlaylistWallController::PlaylistWallController(WallConfig wall, ShowLoader loader)
    : wall_(std::move(wall)),
      loader_(std::move(loader)),
      screenshotPainter_(wall_, kScreenshotWidth),
      thumbnailPainter_(wall_, kThumbnailWidth),
      timer_([this] { runCueTimer(); }) {}

PlaylistWallController::~PlaylistWallController() {
  {
    std::lock_guard lock(mutex_);
    quitting_ = true;
  }
  timerWake_.notify_all();
  timer_.join();
}

double PlaylistWallController::now() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - epoch_).count();
}

WallStatus PlaylistWallController::status() {
  WallStatus s;
  WallCanvas canvas(wall_);
  s.wall = {wall_.name,        wall_.cols,     wall_.rows,    wall_.displayWidth,
            wall_.displayHeight, canvas.gapX(), canvas.gapY()};
  std::lock_guard lock(mutex_);
  s.showTitle = playlist_.metadata.title;
  s.showSource = playlist_.metadata.source;
  s.showGeneration = generation_;
  s.cueIndex = timeline_.cue();
  s.cueCount = timeline_.cueCount();
  s.cueTitle = s.cueIndex >= 0 ? playlist_.cues[s.cueIndex].title : "";
  s.state = timeline_.state();
  s.cueSeconds = timeline_.cueSeconds();
  s.timeLeftSeconds = timeline_.timeLeft(now());
  s.testPattern = testPattern_;
  s.blank = blank_;
  double cached = localMediaShare(playlist_);
  for (const NodeConfig& node : wall_.nodes) {
    NodeHealth health;
    health.id = node.id;
    health.col = node.col;
    health.row = node.row;
    health.active = node.active;
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

void PlaylistWallController::command(const std::function<bool(ShowTimeline&, double)>& change,
                                     const char* why) {
  {
    std::lock_guard lock(mutex_);
    if (timeline_.cueCount() == 0) refuse(RefusalReason::Conflict, "no show is loaded");
    timeline_.advance(now());
    if (!change(timeline_, now())) refuse(RefusalReason::Conflict, why);
  }
  changed();
}

void PlaylistWallController::play() {
  command([](ShowTimeline& t, double at) { return t.state() == PlayState::Playing || t.play(at); },
          "the show has no cue that can play");
}

void PlaylistWallController::pause() {
  command([](ShowTimeline& t, double at) { return t.pause(at); }, "nothing is playing");
}

void PlaylistWallController::resume() {
  command([](ShowTimeline& t, double at) { return t.resume(at); }, "the show is not paused");
}

void PlaylistWallController::stop() {
  {
    std::lock_guard lock(mutex_);
    timeline_.stop();
  }
  changed();
}

void PlaylistWallController::next() {
  command([](ShowTimeline& t, double at) { return t.next(at); },
          "already at the last cue of a show that does not loop");
}

void PlaylistWallController::previous() {
  command([](ShowTimeline& t, double at) { return t.previous(at); },
          "already at the first cue of a show that does not loop");
}

void PlaylistWallController::goTo(int cueIndex) {
  {
    std::lock_guard lock(mutex_);
    int count = timeline_.cueCount();
    if (cueIndex < 0 || cueIndex >= count) {
      refuse(RefusalReason::BadRequest, "cue " + std::to_string(cueIndex + 1) +
                                            " is out of range: the show has " +
                                            std::to_string(count) + " cues");
    }
    if (!timeline_.goTo(cueIndex, now())) {
      refuse(RefusalReason::BadRequest, "cue " + std::to_string(cueIndex + 1) + " cannot play: " +
                                            playlist_.cues[cueIndex].skipReason);
    }
  }
  changed();
}

void PlaylistWallController::load(const std::string& source) {
  Playlist loaded = loader_(source);  // slow and may throw: outside the lock, nothing changed yet
  if (loaded.cues.empty()) refuse(RefusalReason::BadRequest, source + " has no cues");
  {
    std::lock_guard lock(mutex_);
    playlist_ = std::move(loaded);
    timeline_ = ShowTimeline(playlist_);
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
  std::optional<Cue> cue;
  if (timeline_.cue() >= 0) cue = playlist_.cues[timeline_.cue()];
  bool pattern = testPattern_, blank = blank_;
  lock.unlock();  // drawing takes a while; commands need not wait for it
  return screenshotPainter_.wallPng(cue ? &*cue : nullptr, pattern, blank);
}

std::string PlaylistWallController::cueThumbnailPng(int cueIndex) {
  std::unique_lock lock(mutex_);
  if (cueIndex < 0 || cueIndex >= static_cast<int>(playlist_.cues.size())) return "";
  Cue cue = playlist_.cues[cueIndex];
  lock.unlock();
  return thumbnailPainter_.wallPng(&cue, false, false);
}

std::uint64_t PlaylistWallController::subscribe(StateListener listener) {
  std::lock_guard lock(listenersMutex_);
  listeners_[nextListenerId_] = std::move(listener);
  return nextListenerId_++;
}

void PlaylistWallController::unsubscribe(std::uint64_t id) {
  std::lock_guard lock(listenersMutex_);
  listeners_.erase(id);
}

void PlaylistWallController::changed() {
  timerWake_.notify_all();  // the next cue change may have moved
  std::vector<StateListener> toCall;
  {
    std::lock_guard lock(listenersMutex_);
    for (const auto& [id, listener] : listeners_) toCall.push_back(listener);
  }
  for (const StateListener& listener : toCall) listener();
}

void PlaylistWallController::runCueTimer() {
  std::unique_lock lock(mutex_);
  while (!quitting_) {
    double due = timeline_.nextChangeAt();
    if (due == std::numeric_limits<double>::infinity()) {
      timerWake_.wait(lock);
    } else {
      auto dueAt = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
          std::chrono::duration<double>(due));
      timerWake_.wait_until(lock, epoch_ + dueAt);
    }
    if (quitting_) break;
    if (timeline_.advance(now())) {
      lock.unlock();
      changed();
      lock.lock();
    }
  }
}

}  // namespace hw
