// The pure parts of a node's cache progress: when a failed file is tried
// again, which file comes next, what counts as done, what the master logs and
// the percent operators see.
#include <gtest/gtest.h>

#include "engine/control/WallStatus.h"
#include "engine/net/FetchFailure.h"
#include "engine/net/PrefetchQueue.h"
#include "engine/net/RetrySchedule.h"

namespace hw {
namespace {

TEST(RetrySchedule, DoublesFromTheFirstDelayAndNeverExceedsTheBound) {
  RetrySchedule schedule{0.25, 5.0};
  EXPECT_EQ(schedule.delayAfter(0), 0);
  EXPECT_EQ(schedule.delayAfter(1), 0.25);
  EXPECT_EQ(schedule.delayAfter(2), 0.5);
  EXPECT_EQ(schedule.delayAfter(3), 1.0);
  EXPECT_EQ(schedule.delayAfter(5), 4.0);
  EXPECT_EQ(schedule.delayAfter(6), 5.0);
  EXPECT_EQ(schedule.delayAfter(1000000), 5.0);       // no overflow, still bounded
  EXPECT_EQ((RetrySchedule{3, 2}).delayAfter(1), 2);  // a first delay over the bound is cut
}

std::vector<AssetEntry> threeFiles() {
  return {{std::string(64, 'a'), 100, "a.png", ""},
          {std::string(64, 'b'), 200, "b.png", ""},
          {std::string(64, 'c'), 300, "c.png", ""}};
}

TEST(PrefetchQueue, AFailingFileWaitsItsTurnWhileTheOthersAreFetched) {
  PrefetchQueue queue(threeFiles(), RetrySchedule{1, 4});
  ASSERT_EQ(queue.next(0), 0u);
  queue.succeeded(0);
  ASSERT_EQ(queue.next(0), 1u);
  EXPECT_EQ(queue.failed(1, "b.png: HTTP 500", 10), 1);
  EXPECT_EQ(queue.next(10), 2u) << "the failed file must not hold back the next one";
  queue.succeeded(2);
  EXPECT_FALSE(queue.next(10.5)) << "b.png is waiting out its delay";
  EXPECT_EQ(queue.waitFrom(10.5), 0.5);
  EXPECT_EQ(queue.next(11), 1u);
  EXPECT_EQ(queue.failed(1, "b.png: HTTP 500", 11), 2);  // backs off further
  EXPECT_EQ(queue.next(12.9), std::nullopt);
  EXPECT_EQ(queue.next(13), 1u);
  EXPECT_FALSE(queue.complete());
  EXPECT_EQ(queue.succeeded(1), 2);  // failed attempts before it came
  EXPECT_TRUE(queue.complete());
  EXPECT_EQ(queue.next(13), std::nullopt);
  EXPECT_EQ(queue.waitFrom(13), std::nullopt);
}

TEST(PrefetchQueue, OnlyVerifiedFilesCountAndFailingOnesAreNamed) {
  PrefetchQueue queue(threeFiles());
  queue.succeeded(0);
  queue.failed(1, "b.png: downloaded file does not match its sha256", 0);
  PrefetchProgress p = queue.progress();
  EXPECT_EQ(p.total, 3);
  EXPECT_EQ(p.done, 1);
  EXPECT_EQ(p.bytesDone, 100u) << "bytes of verified files only";
  EXPECT_EQ(p.bytesTotal, 600u);
  ASSERT_EQ(p.failing.size(), 1u);
  EXPECT_EQ(p.failing[0].name, "b.png");
  EXPECT_EQ(p.failing[0].sha256, std::string(64, 'b'));
  EXPECT_EQ(p.failing[0].attempts, 1);
  EXPECT_NE(p.failing[0].error.find("sha256"), std::string::npos);
  EXPECT_EQ(PrefetchQueue().progress().total, 0);
  EXPECT_TRUE(PrefetchQueue().complete());
}

TEST(FetchFailure, ReportsSurviveTheWireAndBogusOnesAreBounded) {
  std::vector<FetchFailure> failing{{"b.png", std::string(64, 'b'), "HTTP 500", 3}};
  std::vector<FetchFailure> back = failuresFromJson(failuresToJson(failing));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].name, "b.png");
  EXPECT_EQ(back[0].error, "HTTP 500");
  EXPECT_EQ(back[0].attempts, 3);

  nlohmann::json bogus = nlohmann::json::array();
  bogus.push_back(42);
  bogus.push_back({{"error", "no name"}});
  bogus.push_back({{"name", std::string(100000, 'x') + "\nsecond line"}, {"attempts", "many"}});
  for (int i = 0; i < 1000; ++i) bogus.push_back({{"name", "f" + std::to_string(i)}});
  std::vector<FetchFailure> read = failuresFromJson(bogus);
  ASSERT_EQ(read.size(), kFailingReported);
  EXPECT_LE(read[0].name.size(), 300u);
  EXPECT_EQ(read[0].name.find('\n'), std::string::npos);
  EXPECT_EQ(read[0].attempts, 0);
  EXPECT_TRUE(failuresFromJson("not a list").empty());
}

TEST(FetchFailure, TheMasterLogsANewFailureAndItsEndButNotEveryRetry) {
  FetchFailure bad{"b.png", std::string(64, 'b'), "b.png: HTTP 500", 1};
  auto lines = failureChangeLines("r0c1", {}, {bad});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("node r0c1 cannot fetch b.png"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("HTTP 500"), std::string::npos) << lines[0];

  FetchFailure again = bad;
  again.attempts = 4;
  EXPECT_TRUE(failureChangeLines("r0c1", {bad}, {again}).empty());
  FetchFailure otherWhy = again;
  otherWhy.error = "b.png: couldn't connect";
  EXPECT_EQ(failureChangeLines("r0c1", {again}, {otherWhy}).size(), 1u);

  lines = failureChangeLines("r0c1", {again}, {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "node r0c1: b.png no longer failing");
}

TEST(CachePercent, HundredOnlyWhenEveryFileIsThere) {
  EXPECT_EQ(cachePercent(1.0), 100);
  EXPECT_EQ(cachePercent(299.0 / 300), 99);  // rounding would say 100
  EXPECT_EQ(cachePercent(0.29), 29);
  EXPECT_EQ(cachePercent(2.0 / 3), 66);
  EXPECT_EQ(cachePercent(0), 0);
  EXPECT_EQ(cachePercent(-1), 0);
}

}  // namespace
}  // namespace hw
