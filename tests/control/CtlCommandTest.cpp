#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/control/WallKeyFile.h"
#include "tests/control/TestImages.h"
#include "tests/control/TestWall.h"
#include "tests/support/ChildProcess.h"

namespace hw::test {
namespace {

using nlohmann::json;

// `hyperwall ctl ARGS` against `master`, with no key from the environment
// and an empty state folder unless `env` says otherwise.
CommandResult ctl(const std::string& master, std::vector<std::string> args,
                  std::map<std::string, std::string> env = {}) {
  static TempFolder emptyState("hyperwall-nostate");
  env.emplace("HYPERWALL_KEY", "");
  env.emplace("HYPERWALL_MASTER", "");
  env.emplace("HYPERWALL_STATE", emptyState.path().string());
  std::vector<std::string> argv = {HYPERWALL_EXE, "ctl", "--master", master};
  argv.insert(argv.end(), args.begin(), args.end());
  return runCommand(argv, env);
}

std::vector<std::string> keyed(std::vector<std::string> args) {
  args.insert(args.begin(), {"--key", TestWall::kKey});
  return args;
}

json statusOf(TestWall& wall) { return json::parse(wall.client(false)->Get("/api/status")->body); }

TEST(CtlCommand, CommandsChangeTheWall) {
  TestWall wall;
  CommandResult play = ctl(wall.url(), keyed({"play"}));
  EXPECT_EQ(play.exitStatus, 0) << play.err;
  EXPECT_EQ(play.out, "cue 1/3 \"1-red.png\": playing, 10:00 left\n");
  EXPECT_EQ(ctl(wall.url(), keyed({"next"})).exitStatus, 0);
  EXPECT_EQ(statusOf(wall)["cue"], 2);
  EXPECT_EQ(ctl(wall.url(), keyed({"goto", "3"})).exitStatus, 0);
  EXPECT_EQ(statusOf(wall)["cue"], 3);
  EXPECT_EQ(ctl(wall.url(), keyed({"prev"})).exitStatus, 0);
  EXPECT_EQ(statusOf(wall)["cue"], 2);
  EXPECT_EQ(ctl(wall.url(), keyed({"pause"})).exitStatus, 0);
  EXPECT_EQ(statusOf(wall)["state"], "paused");
  EXPECT_EQ(ctl(wall.url(), keyed({"resume"})).exitStatus, 0);
  EXPECT_EQ(ctl(wall.url(), keyed({"pattern", "on"})).exitStatus, 0);
  EXPECT_EQ(statusOf(wall)["testPattern"], true);
  EXPECT_EQ(ctl(wall.url(), keyed({"blank", "on"})).exitStatus, 0);
  EXPECT_EQ(statusOf(wall)["blank"], true);
  EXPECT_EQ(ctl(wall.url(), keyed({"load", "two"})).exitStatus, 0);
  EXPECT_EQ(statusOf(wall)["show"]["title"], "two");
  EXPECT_EQ(ctl(wall.url(), keyed({"stop"})).exitStatus, 0);
  EXPECT_EQ(statusOf(wall)["state"], "stopped");
}

TEST(CtlCommand, StatusPrintsATableOrJson) {
  TestWall wall;
  wall.controller().goTo(1);
  CommandResult table = ctl(wall.url(), {"status"});
  ASSERT_EQ(table.exitStatus, 0) << table.err;
  EXPECT_NE(table.out.find("cue      2/3  2-green.png\n"), std::string::npos) << table.out;
  // The cue runs while ctl starts (seconds under the sanitizers): 10:00 or 9:59 left.
  EXPECT_NE(table.out.find("state    playing, "), std::string::npos) << table.out;
  EXPECT_NE(table.out.find(" left of 10:00\n"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("r1c1         1,1   up"), std::string::npos) << table.out;

  CommandResult asJson = ctl(wall.url(), {"status", "--json"});
  ASSERT_EQ(asJson.exitStatus, 0) << asJson.err;
  EXPECT_EQ(json::parse(asJson.out)["cueTitle"], "2-green.png");
}

TEST(CtlCommand, FindsTheKeyInTheEnvironmentOrTheKeyFile) {
  TestWall wall;
  EXPECT_EQ(ctl(wall.url(), {"play"}, {{"HYPERWALL_KEY", TestWall::kKey}}).exitStatus, 0);
  EXPECT_EQ(statusOf(wall)["state"], "playing");

  TempFolder state("hyperwall-state");
  std::ofstream(wallKeyPath(state.path())) << TestWall::kKey << "\n";
  std::filesystem::permissions(wallKeyPath(state.path()), std::filesystem::perms::owner_read,
                               std::filesystem::perm_options::replace);
  CommandResult run = ctl(wall.url(), {"next"}, {{"HYPERWALL_STATE", state.path().string()}});
  EXPECT_EQ(run.exitStatus, 0) << run.err;
  EXPECT_EQ(statusOf(wall)["cue"], 2);
}

TEST(CtlCommand, AWrongKeyIsRefusedWithExitOneAndChangesNothing) {
  TestWall wall;
  CommandResult run = ctl(wall.url(), {"--key", "a-guess-at-the-wall-key", "play"});
  EXPECT_EQ(run.exitStatus, 1);
  EXPECT_EQ(run.err, "hyperwall: master " + wall.url() + " refused: wrong or missing wall key\n");
  CommandResult none = ctl(wall.url(), {"play"});
  EXPECT_EQ(none.exitStatus, 1);
  EXPECT_EQ(statusOf(wall)["state"], "stopped");
}

TEST(CtlCommand, ACommandTheMasterRefusesExitsWithItsReason) {
  TestWall wall;
  // 400: what was asked is wrong, bad input (2); 403: not allowed, a refusal (1).
  CommandResult run = ctl(wall.url(), keyed({"goto", "9"}));
  EXPECT_EQ(run.exitStatus, 2);
  EXPECT_NE(run.err.find("refused: request body: /cue: cue 9 is out of range"), std::string::npos)
      << run.err;
  CommandResult outside = ctl(wall.url(), keyed({"load", "/etc"}));
  EXPECT_EQ(outside.exitStatus, 1);
  EXPECT_NE(outside.err.find("outside the allowed show folders"), std::string::npos);
  EXPECT_EQ(statusOf(wall)["show"]["title"], "three");
}

TEST(CtlCommand, AMasterThatIsNotThereExitsOne) {
  // A bound socket that never listens: connections to it are refused.
  int placeholder = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(placeholder, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  socklen_t length = sizeof address;
  ::getsockname(placeholder, reinterpret_cast<sockaddr*>(&address), &length);
  int port = ntohs(address.sin_port);
  std::string url = "http://127.0.0.1:" + std::to_string(port);
  CommandResult run = ctl(url, {"status"});
  EXPECT_EQ(run.exitStatus, 1);
  EXPECT_EQ(run.err, "hyperwall: cannot reach master at " + url + ": Connection refused\n");
  ::close(placeholder);
}

TEST(CtlCommand, BadUsageExitsTwo) {
  TestWall wall;
  EXPECT_EQ(ctl(wall.url(), {}).exitStatus, 2);
  EXPECT_EQ(ctl(wall.url(), keyed({"goto", "x"})).exitStatus, 2);
  EXPECT_EQ(ctl(wall.url(), keyed({"goto", "0"})).exitStatus, 2);
  EXPECT_EQ(ctl(wall.url(), keyed({"pattern", "maybe"})).exitStatus, 2);
  EXPECT_EQ(ctl(wall.url(), keyed({"teleport"})).exitStatus, 2);
  CommandResult badUrl = ctl("ftp://localhost:8700", {"status"});
  EXPECT_EQ(badUrl.exitStatus, 2);
  EXPECT_NE(badUrl.err.find("--master"), std::string::npos);
  EXPECT_EQ(statusOf(wall)["cue"], 0);
}

TEST(CtlCommand, SeekTakesTheTimeAsOperatorsWriteItAndMovesTheCue) {
  TestWall wall;
  ASSERT_EQ(ctl(wall.url(), keyed({"goto", "2"})).exitStatus, 0);
  ASSERT_EQ(ctl(wall.url(), keyed({"pause"})).exitStatus, 0);  // paused: elapsed stands still
  CommandResult seek = ctl(wall.url(), keyed({"seek", "1:23"}));
  ASSERT_EQ(seek.exitStatus, 0) << seek.err;
  EXPECT_EQ(seek.out, "cue 2/3 \"2-green.png\": paused, 8:37 left\n");
  // Clock times are large: at - position rounds by far less than a microsecond.
  EXPECT_NEAR(statusOf(wall)["elapsedSeconds"].get<double>(), 83.0, 1e-6);
  EXPECT_EQ(ctl(wall.url(), keyed({"seek", "83.5"})).exitStatus, 0);
  EXPECT_NEAR(statusOf(wall)["elapsedSeconds"].get<double>(), 83.5, 1e-6);
  EXPECT_EQ(ctl(wall.url(), keyed({"seek", "0:09:59.5"})).exitStatus, 0);
  EXPECT_NEAR(statusOf(wall)["elapsedSeconds"].get<double>(), 599.5, 1e-6);
  EXPECT_EQ(statusOf(wall)["state"], "paused");
}

TEST(CtlCommand, ASeekThatIsNoTimeInTheCueExitsTwoAndChangesNothing) {
  TestWall wall;
  wall.controller().goTo(1);
  wall.controller().pause();
  const json before = statusOf(wall);
  CommandResult malformed = ctl(wall.url(), keyed({"seek", "1:2"}));
  EXPECT_EQ(malformed.exitStatus, 2);
  EXPECT_EQ(malformed.err.substr(0, malformed.err.find('\n')),
            "hyperwall ctl seek: \"1:2\" is not a time in the cue (SS, SS.s, M:SS or H:MM:SS, e.g. "
            "1:23)");
  for (const char* bad : {"1:60", "abc", "1e3", "", "-5"})
    EXPECT_EQ(ctl(wall.url(), keyed({"seek", bad})).exitStatus, 2) << bad;
  EXPECT_EQ(ctl(wall.url(), keyed({"seek"})).exitStatus, 2);
  // The cue lasts 10:00: its end is no place inside it.
  CommandResult past = ctl(wall.url(), keyed({"seek", "10:00"}));
  EXPECT_EQ(past.exitStatus, 2);
  EXPECT_EQ(past.err, "hyperwall: master " + wall.url() +
                          " refused: cannot seek to 600 s: cue 2 is 600 s long (a seek goes from 0 "
                          "to under that)\n");
  const json after = statusOf(wall);
  EXPECT_EQ(after["cue"], before["cue"]);
  EXPECT_EQ(after["elapsedSeconds"], before["elapsedSeconds"]);

  CommandResult help = ctl(wall.url(), {"seek", "--help"});
  EXPECT_EQ(help.exitStatus, 0);
  EXPECT_NE(help.out.find("M:SS"), std::string::npos) << help.out;
}

TEST(CtlCommand, ScreenshotWritesThePng) {
  TestWall wall;
  wall.controller().goTo(2);
  TempFolder out("hyperwall-shot");
  std::string file = (out.path() / "wall.png").string();
  CommandResult run = ctl(wall.url(), {"screenshot", file});
  ASSERT_EQ(run.exitStatus, 0) << run.err;
  std::ifstream in(file, std::ios::binary);
  std::string png((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(pixelOfPng(png, 100, 50), (Color{0, 0, 255}));
}

// `screenshot FILE --at T`: the wall at one instant and a line for it (a
// wall in one process has no nodes to list); what is no instant, or one too
// far ahead, is bad input: exit 2, nothing written. (The past: the net tests,
// on a master's clock.)
TEST(CtlCommand, ScreenshotAtAnInstantSaysWhatWasCapturedAndRefusesWhatIsNoInstant) {
  TestWall wall;
  wall.controller().goTo(2);
  TempFolder out("hyperwall-shot-at");
  std::string file = (out.path() / "wall.png").string();
  CommandResult run = ctl(wall.url(), {"screenshot", file, "--at", "+0.5"});
  ASSERT_EQ(run.exitStatus, 0) << run.err;
  EXPECT_NE(run.out.find("(master s): 0 nodes answered, 0 did not"), std::string::npos) << run.out;
  std::ifstream in(file, std::ios::binary);
  std::string png((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(pixelOfPng(png, 100, 50), (Color{0, 0, 255}));

  std::string never = (out.path() / "never.png").string();
  for (const auto& [at, says] :
       std::vector<std::pair<std::string, std::string>>{{"soon", "is no instant"},
                                                        {"-1", "is no instant"},
                                                        {"1e9", "is no instant"},
                                                        {"+60", "s ahead"}}) {
    CommandResult bad = ctl(wall.url(), {"screenshot", never, "--at", at});
    EXPECT_EQ(bad.exitStatus, 2) << at << ": " << bad.err;
    EXPECT_NE(bad.err.find(says), std::string::npos) << at << ": " << bad.err;
    EXPECT_FALSE(std::filesystem::exists(never)) << at;
  }
  auto reply = wall.client(false)->Get("/api/screenshot.png?at=now");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  EXPECT_NE(json::parse(reply->body)["error"].get<std::string>().find("is no instant"),
            std::string::npos);
  reply = wall.client(false)->Get("/api/screenshot.png?at=");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200) << "no instant given: shortly ahead";
  EXPECT_EQ(json::parse(reply->get_header_value("X-Hyperwall-Capture"))["nodes"], json::object());
}

}  // namespace
}  // namespace hw::test
