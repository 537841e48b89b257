#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "config/ScheduleCalendar.h"
#include "engine/control/ScheduleReport.h"
#include "engine/control/WallController.h"

namespace hw {

// Runs a wall by its opening hours (docs/schedule.md): at every change of the
// schedule it drives the wall as an operator would, through WallController:
// closing stops the show and blanks the wall (nodes power their displays
// down where they can); opening, or a slot with another show, loads the
// slot's show, plays it from its first cue and unblanks. Between changes it
// does nothing, so an operator's command wins until the next change. Its own
// thread: loads read and hash shows, which the master's io thread must not wait for.
class WallScheduler {
 public:
  using Log = std::function<void(const std::string&)>;

  // `manualStart` (testing only, --manual-schedule-clock): the schedule reads
  // a manual clock that starts there and moves only by setManualTime(), so a
  // test walks a wall through a day without waiting for it.
  WallScheduler(WallController& wall, WallSchedule schedule, Log log,
                std::optional<SysSeconds> manualStart = std::nullopt);
  ~WallScheduler();
  WallScheduler(const WallScheduler&) = delete;
  WallScheduler& operator=(const WallScheduler&) = delete;

  // Applies what the schedule wants now, then follows its changes.
  void start();
  void stop();

  ScheduleReport report() const;
  bool manualClock() const { return manual_; }
  // Sets the manual clock (manual clocks only) and applies the schedule at once.
  void setManualTime(SysSeconds t);

 private:
  // What the wall should be doing: closed, or the show of a slot that started then.
  struct Wanted {
    bool open = false;
    SysSeconds since{};
    std::string show;
    bool operator==(const Wanted&) const = default;
  };

  void run();
  SysSeconds nowLocked() const;
  // Drives the wall to `moment`; false (logged) when the wall refused.
  bool apply(const ScheduleMoment& moment);
  std::string whenText(const std::optional<SysSeconds>& at) const;

  static constexpr std::chrono::seconds kLongestWait{30};  // s between looks at the host's clock
                                                           // (it may be stepped), and retries

  WallController& wall_;
  const ScheduleCalendar calendar_;
  const Log log_;
  const bool manual_;
  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable wake_;
  SysSeconds manualNow_{};
  std::uint64_t clockSets_ = 0;  // setManualTime calls, so run() wakes for each
  bool stopping_ = false;
  std::optional<Wanted> applied_;  // what the wall was last driven to
  std::string lastFailure_;        // logged once until it changes
  std::thread thread_;
};

}  // namespace hw
