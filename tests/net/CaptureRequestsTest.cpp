// Which picture answers the master's capture of an instant, and the messages
// that ask and answer: pure, no sockets.
#include <gtest/gtest.h>

#include "engine/net/CaptureRequests.h"
#include "engine/net/FrameReport.h"

namespace hw {
namespace {

std::vector<std::uint64_t> ids(const std::vector<CaptureRequest>& requests) {
  std::vector<std::uint64_t> out;
  for (const auto& request : requests) out.push_back(request.id);
  return out;
}

// Pictures go up at 10.0 and 10.5: an instant before 10.5 is the first's,
// one at 10.5 or after the second's, whenever the requests are looked at.
TEST(CaptureRequests, ThePictureUpAtAnInstantAnswersIt) {
  CaptureRequests requests;
  requests.add({1, 10.2});
  requests.add({2, 10.5});
  requests.add({3, 10.7});
  EXPECT_EQ(requests.earliest(), 10.2);
  EXPECT_TRUE(requests.takeUpTo(10.1).empty()) << "10.2 has not come yet";
  EXPECT_EQ(ids(requests.takeBefore(10.5)), std::vector<std::uint64_t>{1});
  EXPECT_EQ(ids(requests.takeUpTo(10.6)), std::vector<std::uint64_t>{2});
  EXPECT_EQ(requests.earliest(), 10.7);
  EXPECT_EQ(ids(requests.takeUpTo(10.7)), std::vector<std::uint64_t>{3});
  EXPECT_FALSE(requests.earliest());
}

TEST(CaptureRequests, HoldsABoundedNumberOnceEach) {
  CaptureRequests requests;
  requests.add({1, 5});
  requests.add({1, 6});
  EXPECT_EQ(requests.takeUpTo(100).size(), 1u) << "an id already held is ignored";
  for (std::uint64_t id = 1; id <= CaptureRequests::kMaxPending + 2; ++id)
    requests.add({id, static_cast<double>(id)});
  std::vector<CaptureRequest> all = requests.takeUpTo(1000);
  ASSERT_EQ(all.size(), CaptureRequests::kMaxPending);
  EXPECT_EQ(all.front().id, 3u) << "the oldest are dropped";
}

TEST(CaptureMessages, RoundTripAndRefuseWhatIsNoRequest) {
  CaptureRequest request = captureRequestFromJson(captureRequestToJson({7, 12.345}));
  EXPECT_EQ(request.id, 7u);
  EXPECT_DOUBLE_EQ(request.at, 12.345);
  for (const char* bad :
       {R"({"type": "capture", "at": 1})", R"({"type": "capture", "id": 0, "at": 1})",
        R"({"type": "capture", "id": -3, "at": 1})",
        R"({"type": "capture", "id": 9007199254740993, "at": 1})",
        R"({"type": "capture", "id": 1, "at": "now"})", R"({"type": "capture", "id": 1})"})
    EXPECT_THROW(captureRequestFromJson(nlohmann::json::parse(bad)), std::runtime_error) << bad;

  FrameReport answer = frameReportFromJson(frameReportToJson({2, 12.3, "png", 371, 7}));
  EXPECT_EQ(answer.capture, 7u);
  EXPECT_EQ(answer.movieFrame, 371);
  EXPECT_FALSE(frameReportToJson({2, 12.3, "png"}).contains("capture")) << "a plain report";
  nlohmann::json forged = frameReportToJson({2, 12.3, "png"});
  forged["capture"] = "7";
  EXPECT_THROW(frameReportFromJson(forged), std::runtime_error);
}

}  // namespace
}  // namespace hw
