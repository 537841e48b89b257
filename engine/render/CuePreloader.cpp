#include "engine/render/CuePreloader.h"

#include <algorithm>
#include <utility>

namespace hw {

CuePreloader::CuePreloader(CueTileSource& tiles, const WindowLayout& layout,
                           const Playlist& playlist)
    : tiles_(tiles), layout_(layout), playlist_(playlist), worker_([this] { work(); }) {}

CuePreloader::~CuePreloader() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  worker_.join();
}

bool CuePreloader::pendingLocked(int cue) const {
  return preparing_ == cue || std::find(queue_.begin(), queue_.end(), cue) != queue_.end() ||
         std::any_of(done_.begin(), done_.end(),
                     [cue](const PreparedCue& p) { return p.cue == cue; });
}

void CuePreloader::want(const std::vector<int>& cues) {
  {
    std::lock_guard lock(mutex_);
    auto unwanted = [&cues](int cue) {
      return std::find(cues.begin(), cues.end(), cue) == cues.end();
    };
    std::erase_if(done_, [&](const PreparedCue& p) { return unwanted(p.cue); });
    queue_.clear();
    for (int cue : cues)
      if (!pendingLocked(cue)) queue_.push_back(cue);
  }
  changed_.notify_all();
}

std::vector<PreparedCue> CuePreloader::collect() {
  std::lock_guard lock(mutex_);
  return std::exchange(done_, {});
}

void CuePreloader::waitFor(int cue) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] {
    bool queued = preparing_ == cue || std::find(queue_.begin(), queue_.end(), cue) != queue_.end();
    return !queued;
  });
}

void CuePreloader::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    preparing_ = queue_.front();
    queue_.erase(queue_.begin());
    int cue = preparing_;
    lock.unlock();
    Color background = playlist_.cues.at(static_cast<std::size_t>(cue)).background;
    PreparedCue prepared = prepareCue(layout_, tiles_, cue, background);
    lock.lock();
    done_.push_back(std::move(prepared));
    preparing_ = -1;
    changed_.notify_all();
  }
}

}  // namespace hw
