// The scheduler driving a wall in this process (the real control API's
// controller) on a manual clock: closed, open with the slot's show, and a
// show that no longer loads said once while the next change still happens.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include "config/WallScheduleLoader.h"
#include "engine/control/WallScheduler.h"
#include "tests/control/TestWall.h"

namespace hw {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Monday 1 June 2026 at `hour`:00 UTC.
SysSeconds mondayAt(int hour) {
  return std::chrono::sys_days{std::chrono::year(2026) / 6 / 1} + std::chrono::hours(hour);
}

// Polls `condition` until it holds or `timeout` passes.
bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(20ms);  // polling interval, not synchronisation
  }
  return true;
}

// The real wall, counting the loads asked of it: when the scheduler has tried again.
class LoadCountingWall final : public WallController {
 public:
  explicit LoadCountingWall(WallController& wall) : wall_(wall) {}
  int loads() const { return loads_; }

  WallStatus status() override { return wall_.status(); }
  Playlist playlist() override { return wall_.playlist(); }
  void play() override { wall_.play(); }
  void pause() override { wall_.pause(); }
  void resume() override { wall_.resume(); }
  void stop() override { wall_.stop(); }
  void next() override { wall_.next(); }
  void previous() override { wall_.previous(); }
  void goTo(int cueIndex) override { wall_.goTo(cueIndex); }
  void seek(double seconds) override { wall_.seek(seconds); }
  void load(const std::string& source) override {
    ++loads_;
    wall_.load(source);
  }
  void setTestPattern(bool on) override { wall_.setTestPattern(on); }
  void setBlank(bool on) override { wall_.setBlank(on); }
  std::string screenshotPng() override { return wall_.screenshotPng(); }
  WallShot screenshotAt(const CaptureInstant& instant) override {
    return wall_.screenshotAt(instant);
  }
  std::string cueThumbnailPng(int cueIndex) override { return wall_.cueThumbnailPng(cueIndex); }
  std::string nodeFramePng(const std::string& nodeId) override {
    return wall_.nodeFramePng(nodeId);
  }
  std::uint64_t subscribe(StateListener listener) override {
    return wall_.subscribe(std::move(listener));
  }
  void unsubscribe(std::uint64_t id) override { wall_.unsubscribe(id); }

 private:
  WallController& wall_;
  std::atomic<int> loads_{0};
};

TEST(WallScheduler, AShowThatNoLongerLoadsIsSaidOnceAndTheNextSlotStillOpens) {
  test::TestWall wall;
  fs::path gone = wall.root() / "gone";
  fs::copy(wall.showFolder() / "three", gone);
  nlohmann::json document{
      {"time_zone", "UTC"},
      {"week",
       {{"monday",
         {{{"from", "09:00"}, {"to", "10:00"}, {"show", gone.string()}},
          {{"from", "10:00"}, {"to", "11:00"}, {"show", (wall.showFolder() / "two").string()}}}}}}};
  WallSchedule schedule = parseWallSchedule(document, "schedule.json", wall.root().string());
  fs::remove_all(gone);  // read when the schedule was, gone at opening time

  std::mutex mutex;
  std::vector<std::string> lines;
  LoadCountingWall counting(wall.controller());
  WallScheduler scheduler(
      counting, schedule,
      [&](const std::string& line) {
        std::lock_guard lock(mutex);
        lines.push_back(line);
      },
      mondayAt(8));
  auto said = [&](const std::string& words) {
    std::lock_guard lock(mutex);
    int count = 0;
    for (const auto& line : lines) count += line.find(words) != std::string::npos;
    return count;
  };
  scheduler.start();
  EXPECT_TRUE(eventually([&] { return wall.controller().status().blank; }, 5s));
  EXPECT_FALSE(scheduler.report().open);

  scheduler.setManualTime(mondayAt(9));
  EXPECT_TRUE(eventually([&] { return said("schedule: the wall refused") == 1; }, 5s));
  EXPECT_TRUE(scheduler.report().open);
  EXPECT_TRUE(wall.controller().status().blank) << "still closed as far as the wall goes";

  int tries = counting.loads();
  scheduler.setManualTime(mondayAt(9) + 30min);  // a retry, failing the same way
  EXPECT_TRUE(eventually([&] { return counting.loads() > tries; }, 5s));
  scheduler.setManualTime(mondayAt(10));
  EXPECT_TRUE(eventually(
      [&] {
        WallStatus s = wall.controller().status();
        return s.cueCount == 2 && s.cueIndex == 0 && s.mode == PlaybackMode::Playing && !s.blank;
      },
      5s));
  EXPECT_EQ(said("schedule: the wall refused"), 1);
  scheduler.stop();
}

TEST(WallScheduler, OnTheHostsClockAWallOpenEveryHourPlaysItsShowAtOnce) {
  test::TestWall wall;
  nlohmann::json slots = nlohmann::json::array(
      {{{"from", "00:00"}, {"to", "24:00"}, {"show", (wall.showFolder() / "two").string()}}});
  nlohmann::json week = nlohmann::json::object();
  for (int day = 0; day < 7; ++day) week[weekdayName(day)] = slots;
  WallScheduler scheduler(wall.controller(),
                          parseWallSchedule({{"time_zone", "UTC"}, {"week", week}}, "schedule.json",
                                            wall.root().string()),
                          [](const std::string&) {});
  scheduler.start();
  EXPECT_TRUE(eventually(
      [&] {
        WallStatus s = wall.controller().status();
        return s.cueCount == 2 && s.mode == PlaybackMode::Playing && !s.blank;
      },
      5s));
  ScheduleReport report = scheduler.report();
  EXPECT_FALSE(report.manualClock);
  EXPECT_TRUE(report.open);
  EXPECT_FALSE(report.next) << "open all week: no change";
  scheduler.stop();
}

}  // namespace
}  // namespace hw
