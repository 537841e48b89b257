#include <gtest/gtest.h>

#include "hwshow/NaturalSort.h"

namespace hw {
namespace {

TEST(NaturalSort, NumbersByValue) {
  EXPECT_TRUE(naturalLess("img2", "img10"));
  EXPECT_FALSE(naturalLess("img10", "img2"));
  EXPECT_TRUE(naturalLess("frame9.png", "frame10.png"));
  EXPECT_TRUE(naturalLess("a1b2", "a1b10"));
}

TEST(NaturalSort, CaseIgnoredAndOrderTotal) {
  EXPECT_TRUE(naturalLess("apple", "Banana"));
  EXPECT_TRUE(naturalLess("Banana", "cherry"));
  EXPECT_NE(naturalLess("img07", "img7"), naturalLess("img7", "img07"));
  EXPECT_NE(naturalLess("A", "a"), naturalLess("a", "A"));
  EXPECT_FALSE(naturalLess("same", "same"));
}

TEST(NaturalSort, SortsAListLikeAPerson) {
  std::vector<std::string> names = {"img10.png",  "IMG1.png",  "img2.png",  "img1.png",
                                    "img002.jpg", "cover.png", "img100.png"};
  sortNaturally(names);
  EXPECT_EQ(names, (std::vector<std::string>{"cover.png", "IMG1.png", "img1.png", "img002.jpg",
                                             "img2.png", "img10.png", "img100.png"}));
}

TEST(NaturalSort, LongDigitRunsDoNotOverflow) {
  EXPECT_TRUE(naturalLess("x99999999999999999999999", "x100000000000000000000000"));
}

}  // namespace
}  // namespace hw
