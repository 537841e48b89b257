#include <gtest/gtest.h>

#include "hwshow/LocalMirror.h"

namespace hw {
namespace {

TEST(LocalMirror, CacheRootFromTheEnvironmentInOrder) {
  EXPECT_EQ(cacheRootFrom("/srv/hw", "/xdg", "/home/u"), "/srv/hw");
  EXPECT_EQ(cacheRootFrom(nullptr, "/xdg", "/home/u"), "/xdg/hyperwall");
  EXPECT_EQ(cacheRootFrom("", "", "/home/u"), "/home/u/.cache/hyperwall");
  EXPECT_EQ(cacheRootFrom(nullptr, nullptr, nullptr), "./.cache/hyperwall");
}

TEST(LocalMirror, MediaUrlMapsToHostAndPath) {
  LocalMirror mirror("/c");
  EXPECT_EQ(mirror.root(), "/c");
  EXPECT_EQ(mirror.mediaPath("https://svs.gsfc.nasa.gov/vis/a031382/cell.png"),
            "/c/media/svs.gsfc.nasa.gov/vis/a031382/cell.png");
  EXPECT_EQ(mirror.mediaPath("HTTP://Example.ORG:8080/a//b.jpg?x=1#f"),
            "/c/media/example.org:8080/a/b.jpg");
  EXPECT_EQ(mirror.mediaPath("https://example.org/dir/"), "/c/media/example.org/dir/index.html");
  EXPECT_EQ(mirror.pagePath(31382), "/c/pages/31382.json");
}

TEST(LocalMirror, UrlsCannotLeaveTheCache) {
  LocalMirror mirror("/c");
  EXPECT_EQ(mirror.mediaPath("https://example.org/../../etc/passwd"),
            "/c/media/example.org/etc/passwd");
  EXPECT_EQ(mirror.mediaPath("https://example.org/a/%2e%2e/b"), "/c/media/example.org/a/%2e%2e/b");
  EXPECT_EQ(mirror.mediaPath("https://../x"), std::nullopt);
  EXPECT_EQ(mirror.mediaPath("https://user:pw@example.org/a"), "/c/media/example.org/a");
  EXPECT_EQ(mirror.mediaPath("file:///etc/passwd"), std::nullopt);
  EXPECT_EQ(mirror.mediaPath("/local/file.png"), std::nullopt);
}

TEST(SvsPageId, AcceptedSpellings) {
  EXPECT_EQ(svsPageIdFrom("31382"), 31382);
  EXPECT_EQ(svsPageIdFrom("https://svs.gsfc.nasa.gov/31382/"), 31382);
  EXPECT_EQ(svsPageIdFrom("https://svs.gsfc.nasa.gov/31382"), 31382);
  EXPECT_EQ(svsPageIdFrom("http://SVS.gsfc.nasa.gov/31382/#media_group_380000"), 31382);
  EXPECT_EQ(svsPageIdFrom("https://svs.gsfc.nasa.gov/api/31382"), 31382);
}

TEST(SvsPageId, RefusedSpellings) {
  for (const char* text : {"", "0", "-5", "31382.json", "1234567890", "https://example.org/31382/",
                           "https://svs.gsfc.nasa.gov/vis/31382/", "https://svs.gsfc.nasa.gov/",
                           "svs.gsfc.nasa.gov/31382"})
    EXPECT_EQ(svsPageIdFrom(text), std::nullopt) << text;
  EXPECT_EQ(svsPageUrl(31382), "https://svs.gsfc.nasa.gov/31382/");
}

TEST(SvsPageId, OfMediaFromTheirVisFolder) {
  EXPECT_EQ(svsPageIdOfMedia("https://svs.gsfc.nasa.gov/vis/a030000/a031300/a031382/cells.png"),
            31382);
  EXPECT_EQ(svsPageIdOfMedia("https://svs.gsfc.nasa.gov/vis/a000000/a005200/a005274/m.mp4"), 5274);
  for (const char* url :
       {"https://svs.gsfc.nasa.gov/31382/", "https://example.org/vis/a031382/x.png",
        "https://svs.gsfc.nasa.gov/vis/a030000/a031300/x.png",
        "https://svs.gsfc.nasa.gov/vis/a030000/b031382/x.png", "cells.png", ""})
    EXPECT_EQ(svsPageIdOfMedia(url), std::nullopt) << url;
}

}  // namespace
}  // namespace hw
