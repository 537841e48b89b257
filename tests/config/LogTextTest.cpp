#include <gtest/gtest.h>

#include "config/LogText.h"

namespace hw {
namespace {

TEST(LogSafe, KeepsPrintableTextAndUtf8AsItIs) {
  EXPECT_EQ(logSafe("r0c1 from 10.0.0.5:41234"), "r0c1 from 10.0.0.5:41234");
  EXPECT_EQ(logSafe("Écran gauche → 東"), "Écran gauche → 東");
  EXPECT_EQ(logSafe(""), "");
}

TEST(LogSafe, EscapesEverythingThatCouldStartALineOrDriveATerminal) {
  EXPECT_EQ(logSafe("r0c0\nmaster: node r9c9 joined"), "r0c0\\nmaster: node r9c9 joined");
  EXPECT_EQ(logSafe("a\rb\tc\x1b[2Jd\x7f"), "a\\rb\\tc\\x1b[2Jd\\x7f");
  EXPECT_EQ(logSafe(std::string("nul\0here", 8)), "nul\\x00here");
  EXPECT_EQ(logSafe("back\\slash"), "back\\\\slash");  // so an escape in the input stays visible
  EXPECT_EQ(logSafe("line\u2028sep\u2029par\u0085nel"), "line\\u2028sep\\u2029par\\u0085nel");
}

TEST(LogSafe, WritesInvalidUtf8AsBytes) {
  EXPECT_EQ(logSafe("\xff\xfe"), "\\xff\\xfe");
  EXPECT_EQ(logSafe("\xc0\xaf"), "\\xc0\\xaf");           // overlong "/"
  EXPECT_EQ(logSafe("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
  EXPECT_EQ(logSafe("cut \xe2\x86"), "cut \\xe2\\x86");   // a sequence cut short
}

TEST(LogSafe, CutsLongValuesSayingHowMuchIsLeftOut) {
  std::string big(15u << 20, 'x');
  std::string shown = logSafe(big);
  EXPECT_EQ(shown, std::string(kMaxLoggedValueBytes, 'x') + "[... " +
                       std::to_string(big.size() - kMaxLoggedValueBytes) + " more bytes]");
  EXPECT_EQ(logSafe("abcdef", 3), "abc[... 3 more bytes]");
  EXPECT_EQ(logSafe("ab→", 4), "ab[... 3 more bytes]");  // never half a character
  EXPECT_EQ(logSafe("abc", 3), "abc");
}

}  // namespace
}  // namespace hw
