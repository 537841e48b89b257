#pragma once

#include <asio.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>

#include "engine/control/StateListeners.h"
#include "engine/control/WallController.h"
#include "engine/control/WallPictures.h"
#include "engine/net/DisplayMoviePreparer.h"
#include "engine/net/MasterService.h"
#include "engine/net/WallSnapshot.h"
#include "hwshow/LocalMirror.h"

namespace hw {

// The control API's view of a running master: every call is posted to the
// master's io thread (HTTP handlers run on httplib's threads) and waited for
// with a timeout, so the master's state is only ever touched by its own
// thread. Commands are scheduled exactly as the TCP control commands are.
class MasterWallController final : public WallController {
 public:
  // `original` is the show as loaded (local paths and URLs, not asset: URIs),
  // for pictures; `source` names it for remotes; `loader` reads the shows
  // load() is given, as the master read `original`. Installs itself as the
  // master's change listener: construct before master.start().
  // `preparer` made `original` and makes every show `loader` reads (it
  // adopts them) ready to serve; status shows its work.
  MasterWallController(asio::io_context& io, MasterService& master, WallConfig wall,
                       Playlist original, std::string source, ShowLoader loader,
                       const DisplayMoviePreparer& preparer);

  // Serves the show as the preparer has it now (per-display movies made
  // since it was loaded), from where the wall is. Any thread but the io
  // thread; hashes the new files before the master takes them.
  void refresh();

  // The sync figures (clock error spreads, per-cue skew) as the old TCP
  // status served them: for diagnostics, the multi-process tests and the benchmark.
  nlohmann::json syncStatusJson(bool withSamples);

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
  std::vector<std::string> identify(const std::vector<std::string>& nodeIds,
                                    double seconds) override;
  std::string screenshotPng() override;
  WallShot screenshotAt(const CaptureInstant& instant) override;
  std::string cueThumbnailPng(int cueIndex) override;
  std::string nodeFramePng(const std::string& nodeId) override;
  std::optional<ScheduleReport> schedule() override;
  // Where schedule() and status read the opening hours from (the master's
  // WallScheduler); set before the control API serves.
  void setScheduleReport(std::function<ScheduleReport()> report);
  std::uint64_t subscribe(StateListener listener) override;
  void unsubscribe(std::uint64_t id) override;

 private:
  // The show the wall plays, as remotes see it; replaced whole by load().
  struct Shown {
    std::shared_ptr<const Playlist> original;  // local paths and URLs, for pictures
    std::string source;                        // what it was loaded from
    int generation = 1;                        // 1 for the master's first show, +1 per load
  };

  Shown shown() const;
  // Status with the show it describes, read together on the io thread so
  // that the cue index is always one of that show's.
  WallStatus status(Shown& show);
  // Runs `work` on the io thread and waits for it; throws std::runtime_error
  // when the master does not answer within kAnswerTimeout.
  void onIoThread(const std::function<void()>& work);
  // Schedules `message` (MasterService::runCommand), refusing (Conflict)
  // when `allowed` says the wall's position now does not permit it.
  void command(const nlohmann::json& message,
               const std::function<bool(const PlaybackPosition&)>& allowed,
               const std::string& refusal);
  void setOverlay(const std::string& overlay, bool on);

  static constexpr std::chrono::seconds kAnswerTimeout{3};  // s, a busy master still answers

  asio::io_context& io_;
  MasterService& master_;
  const WallConfig wall_;
  const ShowLoader loader_;
  const DisplayMoviePreparer& preparer_;
  const LocalMirror mirror_ = LocalMirror::fromEnvironment();  // local copies of the shows' URLs
  WallPictures pictures_;          // cue thumbnails, drawn from the show
  WallSnapshot screenshots_;       // the wall from the nodes' own frame reports
  std::mutex loadMutex_;           // one load at a time: each hashes a whole show
  mutable std::mutex shownMutex_;  // guards shown_
  Shown shown_;

  std::function<ScheduleReport()> scheduleReport_;  // empty: no opening hours
  StateListeners listeners_;
};

}  // namespace hw
