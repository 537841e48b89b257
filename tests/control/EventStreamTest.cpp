#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "tests/control/TestWall.h"

namespace hw::test {
namespace {

using nlohmann::json;

// Reads /api/events on its own thread and keeps every status event it parsed.
class EventCollector {
 public:
  explicit EventCollector(const TestWall& wall) : client_(wall.client(false)) {
    reader_ = std::thread([this] {
      auto result = client_->Get("/api/events", [this](const char* data, std::size_t size) {
        buffer_.append(data, size);
        parseComplete();
        return true;
      });
      std::lock_guard lock(mutex_);
      ended_ = true;
      if (result) status_ = result->status;
      arrived_.notify_all();
    });
  }
  ~EventCollector() {
    client_->stop();
    reader_.join();
  }

  // The first event satisfying `wanted`, waiting up to 10 s; null if none came.
  json waitFor(const std::function<bool(const json&)>& wanted) {
    std::unique_lock lock(mutex_);
    json found;
    arrived_.wait_for(lock, std::chrono::seconds(10), [&] {
      for (const json& event : events_) {
        if (wanted(event)) {
          found = event;
          return true;
        }
      }
      return ended_;
    });
    return found;
  }

  std::size_t count() {
    std::lock_guard lock(mutex_);
    return events_.size();
  }

 private:
  void parseComplete() {
    std::size_t end;
    while ((end = buffer_.find("\n\n")) != std::string::npos) {
      std::string event = buffer_.substr(0, end);
      buffer_.erase(0, end + 2);
      std::size_t data = event.find("\ndata: ");
      if (event.find("event: status") == std::string::npos || data == std::string::npos) continue;
      std::lock_guard lock(mutex_);
      events_.push_back(json::parse(event.substr(data + 7)));
      arrived_.notify_all();
    }
  }

  std::unique_ptr<httplib::Client> client_;
  std::string buffer_;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<json> events_;
  bool ended_ = false;
  int status_ = 0;
  std::thread reader_;
};

ControlSettings quietSettings() {
  ControlSettings settings = TestWall::defaultSettings();
  settings.eventInterval = std::chrono::minutes(10);  // only real changes send events
  return settings;
}

TEST(ControlEvents, SendsTheStatusAtOnceThenEveryChange) {
  TestWall wall(quietSettings());
  EventCollector events(wall);
  json first = events.waitFor([](const json&) { return true; });
  ASSERT_FALSE(first.is_null());
  EXPECT_EQ(first["state"], "stopped");

  ASSERT_EQ(wall.client()->Post("/api/play", "", "application/json")->status, 200);
  EXPECT_FALSE(events.waitFor([](const json& s) { return s["state"] == "playing"; }).is_null());
  ASSERT_EQ(wall.client()->Post("/api/next", "", "application/json")->status, 200);
  json moved = events.waitFor([](const json& s) { return s["cue"] == 2; });
  ASSERT_FALSE(moved.is_null());
  EXPECT_EQ(moved["cueTitle"], "2-green.png");
}

TEST(ControlEvents, ACueThatRunsOutIsPushedToo) {
  TestWall wall(quietSettings());
  std::filesystem::path quick = wall.showFolder() / "quick";
  std::filesystem::create_directories(quick);
  std::filesystem::copy(wall.showFolder() / "two", quick);
  std::ofstream(quick / "seconds") << "0.3";
  wall.controller().load(quick.string());
  EventCollector events(wall);
  ASSERT_FALSE(events.waitFor([](const json&) { return true; }).is_null());
  // Nothing is posted: the controller's own cue timer moves to cue 2.
  wall.controller().play();
  json advanced = events.waitFor([](const json& s) { return s["cue"] == 2; });
  ASSERT_FALSE(advanced.is_null());
  EXPECT_EQ(advanced["state"], "playing");
}

TEST(ControlEvents, RefusesMoreStreamsThanConfigured) {
  ControlSettings settings = quietSettings();
  settings.maxEventStreams = 1;
  settings.maxKeylessEventStreams = 1;
  TestWall wall(settings);
  EventCollector events(wall);
  ASSERT_FALSE(events.waitFor([](const json&) { return true; }).is_null());
  auto second = wall.client(false)->Get("/api/events");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 503);
  EXPECT_NE(second->body.find("too many event streams"), std::string::npos);
}

}  // namespace
}  // namespace hw::test
