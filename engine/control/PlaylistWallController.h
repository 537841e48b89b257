#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "config/WallConfig.h"
#include "engine/control/StateListeners.h"
#include "engine/control/WallController.h"
#include "engine/control/WallPictures.h"
#include "engine/render/PlaybackState.h"
#include "engine/render/SteadyClock.h"
#include "engine/render/Timeline.h"

namespace hw {

// A whole wall in one process: the show's Timeline runs on this machine's
// steady clock and every display is local, so clock figures are zero and skew
// is not measured. Serves `hyperwall ctl` and the web remote where no master
// runs, and the tests; the master implements WallController over the network.
class PlaylistWallController final : public WallController {
 public:
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
  void seek(double seconds) override;
  void load(const std::string& source) override;
  void setTestPattern(bool on) override;
  void setBlank(bool on) override;
  std::string screenshotPng() override;
  // The wall as the show has it at the instant, drawn as screenshotPng is.
  WallShot screenshotAt(const CaptureInstant& instant) override;
  std::string cueThumbnailPng(int cueIndex) override;
  // Always "": the displays of a wall in one process are not nodes that report.
  std::string nodeFramePng(const std::string& nodeId) override;
  std::uint64_t subscribe(StateListener listener) override;
  void unsubscribe(std::uint64_t id) override;

 private:
  // Applies `order` now (its `at` is set here) unless `refusal` (checked
  // against the position now, under the lock) names why it cannot; then
  // tells the listeners.
  void command(
      PlaybackCommand order,
      const std::function<std::optional<CommandRefused>(const PlaybackPosition&)>& refusal);
  void changed();
  void runCueTimer();

  const WallConfig wall_;
  const ShowLoader loader_;
  const SteadyClock clock_;
  WallPictures pictures_;

  std::mutex mutex_;  // guards everything below it
  std::condition_variable timerWake_;
  bool quitting_ = false;
  Playlist playlist_;
  Timeline timeline_{TimelineSpec{}};
  PlaybackState state_;
  int generation_ = 0;
  bool testPattern_ = false;
  bool blank_ = false;

  StateListeners listeners_;

  std::thread timer_;  // last: starts once everything above exists
};

}  // namespace hw
