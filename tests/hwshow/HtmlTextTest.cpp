#include <gtest/gtest.h>

#include "hwshow/HtmlText.h"

namespace hw {
namespace {

TEST(HtmlEntities, NumericDecimalAndHex) {
  EXPECT_EQ(decodeHtmlEntities("aren&#8217;t"), "aren\u2019t");
  EXPECT_EQ(decodeHtmlEntities("aren&#x2019;t &#X2019;"), "aren\u2019t \u2019");
  EXPECT_EQ(decodeHtmlEntities("&#65;&#x1F30D;"), "A\U0001F30D");
}

TEST(HtmlEntities, NamedOnes) {
  EXPECT_EQ(decodeHtmlEntities("Biological &amp; Physical Sciences"),
            "Biological & Physical Sciences");
  EXPECT_EQ(decodeHtmlEntities("&lt;b&gt; &quot;q&quot; &apos;"), "<b> \"q\" '");
  EXPECT_EQ(decodeHtmlEntities("a&nbsp;b"), "a\u00A0b");
  EXPECT_EQ(decodeHtmlEntities("&rsquo;&lsquo;&rdquo;&ldquo;&mdash;&ndash;&hellip;"),
            "\u2019\u2018\u201D\u201C\u2014\u2013\u2026");
  EXPECT_EQ(decodeHtmlEntities("20&deg;C &plusmn;1 &micro;m &eacute;&Eacute;"),
            "20\u00B0C \u00B11 \u00B5m \u00E9\u00C9");
}

TEST(HtmlEntities, UnknownOrBrokenReferencesStayAsWritten) {
  EXPECT_EQ(decodeHtmlEntities("AT&T and &bogus; and &amp"), "AT&T and &bogus; and &amp");
  EXPECT_EQ(decodeHtmlEntities("&;&#;&#x;"), "&;&#;&#x;");
  EXPECT_EQ(decodeHtmlEntities("&#xD800;&#1114112;"), "\uFFFD\uFFFD");
}

TEST(HtmlEntities, DecodesOncePerPass) { EXPECT_EQ(decodeHtmlEntities("&amp;amp;"), "&amp;"); }

TEST(HtmlToText, LineBreaksBecomeNewlines) {
  EXPECT_EQ(htmlToText("one\r\n\r\ntwo\rthree\n"), "one\n\ntwo\nthree");
  EXPECT_EQ(htmlToText("a\r\n\r\n\r\n\r\nb"), "a\n\nb");
  EXPECT_EQ(htmlToText("a  \r\n   \r\n\r\nb"), "a\n\nb");
}

TEST(HtmlToText, TagsDroppedAndBlocksSeparated) {
  EXPECT_EQ(htmlToText("<p>First <em>point</em>.</p><p>Second<br>line</p>"),
            "First point.\n\nSecond\nline");
  EXPECT_EQ(htmlToText("<a href=\"https://x\">link</a> &lt;kept&gt;"), "link <kept>");
  EXPECT_EQ(htmlToText("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
}

// Descriptions come from the web. Every '<' (or every character, before the
// fix) used to look for the next '>' up to the end, every '&' for the next
// ';': 1 MiB took 8.6 s and 18 s. These 16 MiB ones would take hours that way;
// done in one pass each is well under a second (bench figure: docs/performance.md).
TEST(HtmlText, SixteenMiBOfUnclosedTagsOrAmpersandsIsReadInOnePass) {
  const std::size_t size = 16u << 20;
  std::string openers;
  while (openers.size() < size) openers += "<a <b/ x";
  EXPECT_EQ(htmlToText(openers), openers);
  std::string ampersands(size, '&');
  EXPECT_EQ(decodeHtmlEntities(ampersands), ampersands);
  EXPECT_EQ(htmlToText(ampersands + "&amp;"), ampersands + "&");
  std::string tags;
  while (tags.size() < size) tags += "<p>x</p><br>";
  EXPECT_EQ(htmlToText(tags).size(), tags.size() / 12 * 3 - 2);  // "x\n\n" each, the last trimmed
}

TEST(HtmlText, AReferenceIsReadOnlyUpToItsLongestLength) {
  EXPECT_EQ(decodeHtmlEntities("&#x10FFFF;"), "\U0010FFFF");
  EXPECT_EQ(decodeHtmlEntities("&#x010FFFF;"), "\U0010FFFF");     // 9 characters: the most
  EXPECT_EQ(decodeHtmlEntities("&#x0010FFFF;"), "&#x0010FFFF;");  // 10: no reference
  EXPECT_EQ(decodeHtmlEntities("& then later;"), "& then later;");
  EXPECT_EQ(htmlToText("<b>bold</b> a<b"), "bold a<b");
  EXPECT_EQ(htmlToText("a<b c<i>d"), "ad");
}

}  // namespace
}  // namespace hw
