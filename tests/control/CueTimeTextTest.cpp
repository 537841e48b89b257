#include <gtest/gtest.h>

#include "engine/control/CueTimeText.h"

namespace hw {
namespace {

TEST(CueTimeText, ReadsSecondsMinutesAndHours) {
  EXPECT_EQ(parseCueTime("0"), 0.0);
  EXPECT_EQ(parseCueTime("83"), 83.0);
  EXPECT_EQ(parseCueTime("83.5"), 83.5);
  EXPECT_EQ(parseCueTime("600"), 600.0);  // seconds alone may pass a minute
  EXPECT_EQ(parseCueTime("1:23"), 83.0);
  EXPECT_EQ(parseCueTime("1:23.25"), 83.25);
  EXPECT_EQ(parseCueTime("0:05"), 5.0);
  EXPECT_EQ(parseCueTime("90:00"), 5400.0);
  EXPECT_EQ(parseCueTime("1:02:03"), 3723.0);
  EXPECT_EQ(parseCueTime("01:02:03.5"), 3723.5);
  EXPECT_DOUBLE_EQ(*parseCueTime("0.001"), 0.001);
}

TEST(CueTimeText, RefusesAnythingElse) {
  for (const char* bad :
       {"",           " 1",      "1 ",      "-1",  "+1",   "1e3",        "0x10",
        "inf",        "nan",     "1,5",     ".5",  "1.",   "1..5",       "1.5.2",
        "1:2",        "1:60",    "1:5a",    ":23", "1:",   "1::23",      "1.5:00",
        "1:23:45:00", "1:00:60", "1:60:00", "abc", "１２", "9999999999", "1:23.x"})
    EXPECT_FALSE(parseCueTime(bad)) << '"' << bad << '"';
}

}  // namespace
}  // namespace hw
