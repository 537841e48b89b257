#include <gtest/gtest.h>

#include "config/InputError.h"
#include "config/JsonFile.h"
#include "config/NodeForHost.h"
#include "config/WallConfigLoader.h"

namespace hw {
namespace {

// A 3x1 wall: two displays on wall-a (0 and 1), one on wall-b.museum.lan, and
// a dead panel that also names wall-b.
WallConfig threeDisplays() {
  return parseWallConfig(parseJsonText(R"({
    "grid": {"cols": 4, "rows": 1},
    "display": {"width": 1920, "height": 1080},
    "panel_mm": {"width": 1209.6, "height": 680.4},
    "nodes": [
      {"col": 0, "row": 0, "id": "left", "host": "wall-a", "display": 0},
      {"col": 1, "row": 0, "id": "middle", "host": "WALL-A", "display": 1},
      {"col": 2, "row": 0, "id": "right", "host": "wall-b.museum.lan"},
      {"col": 3, "row": 0, "host": "wall-b", "active": false}
    ]})",
                                       "lobby.json"),
                         "lobby.json");
}

std::string errorOf(const WallConfig& wall, std::vector<std::string> names,
                    std::optional<int> display) {
  try {
    nodeForHost(wall, "lobby.json", names, display);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(NodeForHost, TheDisplayPicksAmongAHostsNodes) {
  WallConfig wall = threeDisplays();
  EXPECT_EQ(nodeForHost(wall, "lobby.json", {"wall-a"}, 0).id, "left");
  EXPECT_EQ(nodeForHost(wall, "lobby.json", {"wall-a"}, 1).id, "middle");  // host names ignore case
}

TEST(NodeForHost, AShortNameMatchesTheSameNameWithADomain) {
  WallConfig wall = threeDisplays();
  EXPECT_EQ(nodeForHost(wall, "lobby.json", {"wall-b"}, std::nullopt).id, "right");
  EXPECT_EQ(nodeForHost(wall, "lobby.json", {"wall-a.museum.lan"}, 1).id, "middle");
  EXPECT_NE(errorOf(wall, {"wall-bb"}, std::nullopt), "");  // a prefix is not the name
  EXPECT_NE(errorOf(wall, {"wall"}, std::nullopt), "");
}

TEST(NodeForHost, AnAddressOfThisMachineMatches) {
  WallConfig wall = threeDisplays();
  wall.nodes[2].host = "10.0.0.13";
  EXPECT_EQ(
      nodeForHost(wall, "lobby.json", {"pc-without-a-name", "127.0.0.1", "10.0.0.13"}, std::nullopt)
          .id,
      "right");
  EXPECT_NE(errorOf(wall, {"10.0.0"}, std::nullopt), "");
}

TEST(NodeForHost, NoMatchNamesTheHostAndTheWallFile) {
  WallConfig wall = threeDisplays();
  EXPECT_EQ(errorOf(wall, {"wall-z", "10.9.9.9"}, std::nullopt),
            "lobby.json: /nodes: no active node has host \"wall-z\" (set its \"host\", or give "
            "--id)");
  EXPECT_EQ(errorOf(wall, {"wall-a"}, 5),
            "lobby.json: /nodes: no active node has host \"wall-a\" and display 5 (set its "
            "\"host\", or give --id)");
}

TEST(NodeForHost, SeveralMatchesListThemAndAskForTheDisplay) {
  EXPECT_EQ(errorOf(threeDisplays(), {"wall-a"}, std::nullopt),
            "lobby.json: /nodes: several nodes have host \"wall-a\": left (display 0), middle "
            "(display 1); give --display or --id");
}

TEST(NodeForHost, AnEmptyHostAndAnInactiveNodeNeverMatch) {
  // Default nodes have host "" (any); a wall file must say which PC drives what.
  EXPECT_NE(errorOf(loadWallConfig("2x2-1080p"), {"anything"}, std::nullopt), "");
  WallConfig wall = threeDisplays();
  wall.nodes[2].host = "elsewhere";
  EXPECT_NE(errorOf(wall, {"wall-b"}, std::nullopt), "");  // only the dead panel names it
}

TEST(WallMaster, TheMasterAddressReadsAndRoundTrips) {
  WallConfig wall = threeDisplays();
  EXPECT_EQ(wall.master, "");
  nlohmann::json document = wallConfigToJson(wall);
  document["master"] = "10.0.0.1:7500";
  WallConfig read = parseWallConfig(document, "lobby.json");
  EXPECT_EQ(read.master, "10.0.0.1:7500");
  EXPECT_EQ(parseWallConfig(wallConfigToJson(read), "x").master, "10.0.0.1:7500");
  document["master"] = "10.0.0.1 7500";
  EXPECT_THROW(parseWallConfig(document, "lobby.json"), InputError);
}

}  // namespace
}  // namespace hw
