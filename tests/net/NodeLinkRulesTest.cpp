// The pure rules behind a node's link: how silence turns into stale and down,
// when a second hello for a connected id takes over, and what `--master` means.
#include <gtest/gtest.h>

#include "config/InputError.h"
#include "engine/net/MasterAddress.h"
#include "engine/net/NodeLiveness.h"

namespace hw {
namespace {

TEST(NodeLiveness, SilenceTurnsANodeStaleThenDown) {
  LivenessRule rule{3.0, 6.0};
  EXPECT_EQ(linkState(true, 0.0, rule), LinkState::Up);
  EXPECT_EQ(linkState(true, 2.9, rule), LinkState::Up);  // a report or two late: still up
  EXPECT_EQ(linkState(true, 3.0, rule), LinkState::Stale);
  EXPECT_EQ(linkState(true, 5.9, rule), LinkState::Stale);
  EXPECT_EQ(linkState(true, 6.0, rule), LinkState::Down);
  EXPECT_EQ(linkState(false, 0.0, rule), LinkState::Down);  // closed is down whatever it said last
  EXPECT_EQ(linkStateName(LinkState::Up), "up");
  EXPECT_EQ(linkStateName(LinkState::Stale), "stale");
  EXPECT_EQ(linkStateName(LinkState::Down), "down");
}

TEST(NodeLiveness, TheDefaultsCatchASilentNodeWithinSecondsOfItsOneHertzReports) {
  LivenessRule rule;
  EXPECT_GE(rule.staleAfter, 2.0);  // one late report is not a problem
  EXPECT_LE(rule.downAfter, 10.0);
  EXPECT_LT(rule.staleAfter, rule.downAfter);
}

TEST(NodeLiveness, OnlyTheSameProcessOrAStaleConnectionGivesUpItsId) {
  LivenessRule rule{3.0, 6.0};
  // Another process while the first one talks: a duplicate, refused.
  EXPECT_FALSE(newcomerTakesOver("111", "222", 0.5, rule));
  // The same process reconnecting (its side saw the connection drop first).
  EXPECT_TRUE(newcomerTakesOver("111", "111", 0.5, rule));
  // A restarted node whose old connection is half-open and silent.
  EXPECT_TRUE(newcomerTakesOver("111", "222", 3.5, rule));
  // A hello without an instance is never "the same process".
  EXPECT_FALSE(newcomerTakesOver("", "", 0.5, rule));
}

TEST(MasterAddress, EveryFormNamesOnePortAndDefaultsTheOther) {
  MasterAddress plain = parseMasterAddress("wall-master", "--master");
  EXPECT_EQ(plain.host, "wall-master");
  EXPECT_EQ(plain.wallPort, 7400);
  EXPECT_EQ(plain.httpUrl, "http://wall-master:8700");

  MasterAddress wall = parseMasterAddress("10.0.0.1:7500", "--master");
  EXPECT_EQ(wall.host, "10.0.0.1");
  EXPECT_EQ(wall.wallPort, 7500);
  EXPECT_EQ(wall.httpUrl, "http://10.0.0.1:8700");

  MasterAddress http = parseMasterAddress("http://10.0.0.1:8800/", "--master");
  EXPECT_EQ(http.host, "10.0.0.1");
  EXPECT_EQ(http.wallPort, 7400);
  EXPECT_EQ(http.httpUrl, "http://10.0.0.1:8800");

  MasterAddress v6 = parseMasterAddress("[fd00::1]:7500", "--master");
  EXPECT_EQ(v6.host, "fd00::1");
  EXPECT_EQ(v6.wallPort, 7500);
  EXPECT_EQ(v6.httpUrl, "http://[fd00::1]:8700");

  EXPECT_EQ(parseMasterAddress("https://[fd00::1]:8443", "--master").host, "fd00::1");
}

TEST(MasterAddress, RefusesWhatIsNoMasterAddressNamingTheOption) {
  for (const char* bad : {"", "ftp://host:21", "http://", "http://:8700", "host:0", "host:port",
                          "host:70000", "[::1"}) {
    try {
      parseMasterAddress(bad, "--master");
      ADD_FAILURE() << "accepted \"" << bad << "\"";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("--master"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace hw
