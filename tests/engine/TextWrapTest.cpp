#include <gtest/gtest.h>

#include "engine/render/TextWrap.h"

namespace hw {
namespace {

// One unit per byte: easy to reason about, like a monospaced font.
int bytes(const std::string& s) { return static_cast<int>(s.size()); }

using Lines = std::vector<std::string>;

TEST(TextWrap, BreaksAtSpacesWithinTheWidth) {
  EXPECT_EQ(wrapText("the quick brown fox jumps", 10, bytes),
            (Lines{"the quick", "brown fox", "jumps"}));
  EXPECT_EQ(wrapText("short", 10, bytes), (Lines{"short"}));
  EXPECT_EQ(wrapText("", 10, bytes), Lines{});
}

TEST(TextWrap, KeepsLineBreaksAndCutsWordsTooLongForALine) {
  EXPECT_EQ(wrapText("one\ntwo three", 20, bytes), (Lines{"one", "two three"}));
  EXPECT_EQ(wrapText("abcdefghijkl xy", 5, bytes), (Lines{"abcde", "fghij", "kl xy"}));
}

TEST(TextWrap, NeverSplitsAUtf8Character) {
  // "é" is two bytes: a width of 3 holds "aé" but not "aéé".
  EXPECT_EQ(wrapText("a\u00e9\u00e9", 3, bytes), (Lines{"a\u00e9", "\u00e9"}));
}

TEST(TextWrap, EllipsisCutsToFit) {
  EXPECT_EQ(withEllipsis("pause for questions", 12, bytes), "pause for\u2026");
  EXPECT_EQ(withEllipsis("abc", 2, bytes), "\u2026");
}

}  // namespace
}  // namespace hw
