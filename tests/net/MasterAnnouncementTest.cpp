// What the master's DNS-SD announcement carries and how nodes read it back.
#include <gtest/gtest.h>

#include "engine/net/MasterAddress.h"
#include "engine/net/MasterAnnouncement.h"

namespace hw {
namespace {

TEST(MasterAnnouncement, TxtRecordsCarryTheWallTheHttpPortAndTheProtocol) {
  MasterAnnouncement announcement{"lobby", 8700, 5};
  std::vector<std::string> txt = announcementTxt(announcement);
  EXPECT_EQ(txt, (std::vector<std::string>{"wall=lobby", "http=8700", "protocol=5"}));
  std::optional<MasterAnnouncement> read = readAnnouncementTxt(txt);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->wall, "lobby");
  EXPECT_EQ(read->httpPort, 8700);
  EXPECT_EQ(read->protocol, 5);
  EXPECT_TRUE(announcesWall(*read, "lobby"));
  EXPECT_FALSE(announcesWall(*read, "Lobby"));
  EXPECT_FALSE(announcesWall(*read, "lobby 2"));
}

TEST(MasterAnnouncement, AServiceWithoutAWallOrAUsableHttpPortIsNoMaster) {
  EXPECT_FALSE(readAnnouncementTxt({"http=8700", "protocol=5"}));
  EXPECT_FALSE(readAnnouncementTxt({"wall=lobby"}));
  EXPECT_FALSE(readAnnouncementTxt({"wall=lobby", "http=0"}));
  EXPECT_FALSE(readAnnouncementTxt({"wall=lobby", "http=65536"}));
  EXPECT_FALSE(readAnnouncementTxt({"wall=lobby", "http=80x"}));
  EXPECT_FALSE(readAnnouncementTxt({"wall=lobby", "http="}));
  // Unknown keys and key-only strings are another version's: passed over.
  EXPECT_TRUE(readAnnouncementTxt({"wall=lobby", "http=80", "future=1", "flag"}));
  // A wall named with "=" keeps it.
  EXPECT_EQ(readAnnouncementTxt({"wall=a=b", "http=80"})->wall, "a=b");
}

TEST(MasterAnnouncement, LongNamesAreCutToWhatDnsHoldsAtACharacterBoundary) {
  // 31 two-byte characters and one more: 64 bytes, one over a DNS label.
  std::string wall;
  for (int i = 0; i < 32; ++i) wall += "\xC3\xA9";  // é
  std::string instance = announcementInstanceName(wall);
  EXPECT_EQ(instance.size(), 62u);
  EXPECT_EQ(instance, wall.substr(0, 62));
  EXPECT_EQ(announcementInstanceName("lobby"), "lobby");

  // A wall name longer than a TXT string is cut there, and still matches itself.
  std::string path = "/srv/walls/" + std::string(300, 'w') + ".json";
  std::vector<std::string> txt = announcementTxt({path, 8700, 5});
  EXPECT_EQ(txt[0].size(), 255u);
  EXPECT_TRUE(announcesWall(*readAnnouncementTxt(txt), path));
  EXPECT_FALSE(announcesWall(*readAnnouncementTxt(txt), path.substr(0, 200)));
}

TEST(MasterAnnouncement, TheResolvedAddressGivesTheWallPortAndTheAnnouncedHttpPort) {
  MasterAddress v4 = masterAt("10.0.0.5", 7401, 8801);
  EXPECT_EQ(v4.host, "10.0.0.5");
  EXPECT_EQ(v4.wallPort, 7401);
  EXPECT_EQ(v4.httpUrl, "http://10.0.0.5:8801");
  EXPECT_EQ(masterAt("fd00::5", 7400, 8700).httpUrl, "http://[fd00::5]:8700");
}

}  // namespace
}  // namespace hw
