// The instant of a screenshot of one instant as operators give it, and the
// line per node ctl prints of what was captured: pure, no wall.
#include <gtest/gtest.h>

#include "engine/cli/CaptureSummary.h"
#include "engine/control/CaptureInstant.h"

namespace hw {
namespace {

TEST(CaptureInstant, ReadsMasterSecondsSecondsFromNowOrNothing) {
  auto at = parseCaptureInstant("1795532601.25");
  ASSERT_TRUE(at);
  EXPECT_DOUBLE_EQ(at->seconds, 1795532601.25);
  EXPECT_FALSE(at->fromNow);
  at = parseCaptureInstant("+0.5");
  ASSERT_TRUE(at);
  EXPECT_DOUBLE_EQ(at->seconds, 0.5);
  EXPECT_TRUE(at->fromNow);
  at = parseCaptureInstant("");
  ASSERT_TRUE(at);
  EXPECT_DOUBLE_EQ(at->seconds, kCaptureLeadSeconds);
  EXPECT_TRUE(at->fromNow);
  for (const char* bad : {"soon", "-1", "+-1", "1e9", "nan", "inf", "1.2.3", ".", "+", " 1", "1 ",
                          "0x10", "123456789012345678901234567890123"})
    EXPECT_FALSE(parseCaptureInstant(bad)) << bad;
}

TEST(CaptureInstant, TakesAnInstantFromALittlePastToTenSecondsAhead) {
  std::string problem;
  EXPECT_DOUBLE_EQ(captureTime({0.5, true}, 1000, problem), 1000.5);
  EXPECT_EQ(problem, "");
  EXPECT_DOUBLE_EQ(captureTime({999.8, false}, 1000, problem), 999.8);
  EXPECT_EQ(problem, "") << "a moment ago: the picture up then is still known";
  captureTime({999, false}, 1000, problem);
  EXPECT_EQ(problem,
            "at=999.000 is 1.000 s in the past (master time now 1000.000): nodes keep no pictures "
            "of the past; ask for an instant ahead, e.g. at=+0.5");
  EXPECT_DOUBLE_EQ(captureTime({10, true}, 1000, problem), 1010);
  EXPECT_EQ(problem, "");
  captureTime({10.5, true}, 1000, problem);
  EXPECT_EQ(problem,
            "at=1010.500 is 10.500 s ahead (master time now 1000.000); at most 10.000 s ahead");
}

TEST(CaptureSummary, ALineForTheInstantAndOnePerNode) {
  nlohmann::json capture = nlohmann::json::parse(R"({"at": 1795532601.5,
      "nodes": {"r0c0": {"at": 1795532601.4891, "cue": 2, "movieFrame": 372},
                "r0c1": {"at": 1795532590.25, "cue": 1}},
      "missing": ["r1c1"]})");
  EXPECT_EQ(formatCaptureSummary(capture),
            "instant 1795532601.500 (master s): 2 nodes answered, 1 did not\n"
            "r0c0  cue 2, movie frame 372, up since 1795532601.489\n"
            "r0c1  cue 1, up since 1795532590.250\n"
            "r1c1  no answer: shown without a picture (or offline)\n");
  EXPECT_THROW(formatCaptureSummary(nlohmann::json::parse(R"({"at": "soon"})")),
               std::runtime_error);
}

}  // namespace
}  // namespace hw
