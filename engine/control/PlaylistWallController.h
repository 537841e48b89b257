#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include "config/WallConfig.h"
#include "engine/control/ShowTimeline.h"
#include "engine/control/WallController.h"
#include "engine/control/WallSnapshotPainter.h"

namespace hw {

// A whole wall in one process: the show's timeline runs here and every
// display is local, so clock figures are zero and skew is not measured.
// Serves `hyperwall ctl` and the web remote where no master runs, and the tests.
class PlaylistWallController final : public WallController {
 public:
  // Turns a vetted source into a playlist; throws InputError for a bad show.
  using ShowLoader = std::function<Playlist(const std::string& source)>;

  PlaylistWallController(WallConfig wall, ShowLoader loader);
  ~PlaylistWallController() override;

  WallStatus status() override;
  Playlist playlist() override;
  void play() override;
  void pause() override;
  void resume() override;
  void stop() override;
  void next() override;
  void previous() override;
  void goTo(int cueIndex) override;
  void load(const std::string& source) override;
  void setTestPattern(bool on) override;
  void setBlank(bool on) override;
  std::string screenshotPng() override;
  std::string cueThumbnailPng(int cueIndex) override;
  std::uint64_t subscribe(StateListener listener) override;
  void unsubscribe(std::uint64_t id) override;

 private:
  double now() const;
  // Runs `change` on the timeline under the lock; refuses with `why` if it returns false.
  void command(const std::function<bool(ShowTimeline&, double now)>& change, const char* why);
  void changed();
  void runCueTimer();

  const WallConfig wall_;
  const ShowLoader loader_;
  const WallSnapshotPainter screenshotPainter_;
  const WallSnapshotPainter thumbnailPainter_;
  const std::chrono::steady_clock::time_point epoch_ = std::chrono::steady_clock::now();

  std::mutex mutex_;  // guards everything below it
  std::condition_variable timerWake_;
  bool quitting_ = false;
  Playlist playlist_;
  ShowTimeline timeline_;
  int generation_ = 0;
  bool testPattern_ = false;
  bool blank_ = false;

  std::mutex listenersMutex_;
  std::map<std::uint64_t, StateListener> listeners_;
  std::uint64_t nextListenerId_ = 1;

  std::thread timer_;  // last: starts once everything above exists
};

}  // namespace hw
