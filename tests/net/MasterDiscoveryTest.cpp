// Finding the master through DNS-SD (docs/install.md, "Finding the master"):
// the real `hyperwall master` announcing itself through a real avahi-daemon,
// on a private D-Bus system bus the test starts, and the real `node` and
// `ctl` finding it with no --master. The daemon publishes on loopback only
// (allow-interfaces=lo), so nothing leaves this machine. Without a daemon,
// node and ctl say so in one line and use the wall file's "master".
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "tests/support/ChildProcess.h"
#include "tests/support/FreePort.h"
#include "tests/support/MasterSync.h"
#include "tests/support/PollUntil.h"
#include "tests/support/TempFolder.h"

namespace hw {
namespace {

namespace fs = std::filesystem;
using test::ChildProcess;
using test::pollUntil;
using namespace std::chrono_literals;

constexpr const char* kKey = "wall-key-for-discovery";
constexpr const char* kAvahiDaemon = "/usr/sbin/avahi-daemon";
constexpr const char* kDbusDaemon = "/usr/bin/dbus-daemon";

// A D-Bus system bus of the test's own (a unix socket in `dir`, everything
// allowed) and an avahi-daemon on it, publishing and browsing on loopback.
class LoopbackAvahi {
 public:
  explicit LoopbackAvahi(const fs::path& dir) : dir_(dir) {
    std::ofstream(dir_ / "bus.conf") << R"(<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=)" << (dir_ / "bus").string()
                                     << R"(</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_type="method_call"/>
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
)";
    // Loopback only, IPv4 only; the rate limit off, as tests announce and
    // look up at once.
    std::ofstream(dir_ / "avahi.conf") << R"([server]
use-ipv4=yes
use-ipv6=no
allow-interfaces=lo
enable-dbus=yes
ratelimit-interval-usec=1000000
ratelimit-burst=1000
[wide-area]
enable-wide-area=no
[publish]
publish-hinfo=no
publish-workstation=no
)";
  }

  // "" once both run; else why this machine cannot run them (the test skips).
  std::string start() {
    if (!fs::exists(kDbusDaemon) || !fs::exists(kAvahiDaemon))
      return std::string("no ") + kDbusDaemon + " or " + kAvahiDaemon +
             " (scripts/install-deps.sh --tests installs dbus-daemon and avahi-daemon)";
    if (::geteuid() != 0)
      return "avahi-daemon runs as root only (it keeps its PID in /run/avahi-daemon/pid), and "
             "this test runs as uid " +
             std::to_string(::geteuid());
    bus_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{kDbusDaemon, "--config-file=" + (dir_ / "bus.conf").string(),
                                 "--nofork", "--print-address"});
    if (!bus_->waitForOutput("unix:path=", 10s))
      ADD_FAILURE() << "dbus-daemon did not start: " << bus_->stderrText();
    return startAvahi();
  }

  // Another avahi-daemon in place of the running one, as after a restart.
  std::string restartAvahi() {
    avahi_->kill(SIGTERM);
    EXPECT_EQ(avahi_->wait(10s), 0) << avahi_->stderrText();
    return startAvahi();
  }

  // What the wall's processes need to reach this bus (and no other).
  std::map<std::string, std::string> environment() const {
    return {{"DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + (dir_ / "bus").string()}};
  }

  ~LoopbackAvahi() {
    // The daemon removes its PID file when stopped, not when killed.
    if (avahi_ && avahi_->running()) {
      avahi_->kill(SIGTERM);
      avahi_->wait(10s);
    }
  }

 private:
  std::string startAvahi() {
    avahi_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{kAvahiDaemon, "--file=" + (dir_ / "avahi.conf").string(),
                                 "--no-drop-root", "--no-chroot", "--no-rlimits"},
        environment());
    if (avahi_->waitForOutput("Server startup complete", 20s)) return "";
    std::string said = avahi_->stderrText();
    // One per machine: it refuses to start beside the system's own.
    if (said.find("already running") != std::string::npos)
      return "another avahi-daemon runs on this machine (avahi allows one, by "
             "/run/avahi-daemon/pid): " +
             said.substr(said.find("Daemon already running"));
    ADD_FAILURE() << "avahi-daemon did not start: " << said;
    return "avahi-daemon did not start";
  }

  fs::path dir_;
  std::unique_ptr<ChildProcess> bus_;
  std::unique_ptr<ChildProcess> avahi_;
};

class MasterDiscovery : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::testFolderPath("hw-discovery");
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "etc");
    port_ = test::freePort();
    // The node finds its key where the packaged unit keeps it ($HYPERWALL_STATE).
    std::ofstream(dir_ / "etc" / "wall.key") << kKey << "\n";
    fs::permissions(dir_ / "etc" / "wall.key", fs::perms::owner_read | fs::perms::owner_write,
                    fs::perm_options::replace);
    env_ = {{"HYPERWALL_KEY", ""},
            {"HYPERWALL_MASTER", ""},
            {"HYPERWALL_STATE", (dir_ / "etc").string()},
            // No daemon unless the test starts one: a bus that is not there.
            {"DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + (dir_ / "no-bus").string()}};
  }
  void TearDown() override {
    nodes_.clear();
    master_.reset();
    avahi_.reset();
    fs::remove_all(dir_);
  }

  // Starts the test's avahi-daemon; the processes started from now on use it.
  void startAvahi() {
    avahi_ = std::make_unique<LoopbackAvahi>(dir_);
    std::string problem = avahi_->start();
    if (!problem.empty()) GTEST_SKIP() << "no avahi-daemon for this test: " << problem;
    for (const auto& [name, value] : avahi_->environment()) env_[name] = value;
  }

  // A one-display wall of this machine, named by the test (unique on the
  // machine), with `master` as its "master" ("": none).
  std::string writeWall(const std::string& master, const std::string& file = "wall.json") {
    char host[256] = {};
    EXPECT_EQ(::gethostname(host, sizeof host - 1), 0);
    nlohmann::json wall = {{"name", wallName()},
                           {"grid", {{"cols", 1}, {"rows", 1}}},
                           {"display", {{"width", 320}, {"height", 180}}},
                           {"panel_mm", {{"width", 1209.6}, {"height", 680.4}}},
                           {"bezel_mm", {{"left", 1}, {"right", 1}, {"top", 1}, {"bottom", 1}}},
                           {"key", kKey},
                           {"nodes", {{{"col", 0}, {"row", 0}, {"host", host}}}}};
    if (!master.empty()) wall["master"] = master;
    std::string path = (dir_ / file).string();
    std::ofstream(path) << wall.dump(2);
    return path;
  }
  std::string wallName() const {
    return "discovery " + std::to_string(::getpid()) + " " +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
  }

  void startMaster() {
    master_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{HYPERWALL_EXE, "master",
                                 HYPERWALL_SOURCE_DIR "/tests/data/net/show", "--wall",
                                 (dir_ / "wall.json").string(), "--bind", "127.0.0.1", "--port",
                                 std::to_string(port_), "--http-port", std::to_string(port_ + 1),
                                 "--state", (dir_ / "state.json").string(), "--cue-seconds", "0.5"},
        env_);
    ASSERT_TRUE(master_->waitForOutput("serving", 10s)) << master_->stderrText();
  }

  // `hyperwall node` as the packaged unit runs it: no --id, no --master, no --key.
  ChildProcess& startNode() {
    nodes_.push_back(std::make_unique<ChildProcess>(
        std::vector<std::string>{HYPERWALL_EXE, "node", "--headless", "--wall",
                                 (dir_ / "wall.json").string(), "--cache",
                                 (dir_ / ("cache-" + std::to_string(nodes_.size()))).string()},
        env_));
    return *nodes_.back();
  }

  // `hyperwall ctl ARGS` with no --master: the wall file and DNS-SD say where.
  test::CommandResult ctl(std::vector<std::string> args, const std::string& wallFile) {
    std::vector<std::string> argv{HYPERWALL_EXE, "ctl", "--wall", wallFile};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::runCommand(argv, env_, 20s);
  }

  // The master's sync figures, asked at its known port.
  nlohmann::json sync() { return test::masterSync(port_ + 1, kKey); }

  // Whether the master has the node connected and has seen it put up a cue.
  bool nodeShowsACue() {
    nlohmann::json s = sync();
    if (s.is_null() || s["nodes"].empty() || !s["nodes"][0].value("connected", false)) return false;
    for (const auto& cue : s["cues"])
      if (cue["nodes"].get<int>() >= 1) return true;
    return false;
  }

  std::string masterHostPort() const { return "127.0.0.1:" + std::to_string(port_); }

  fs::path dir_;
  int port_ = 0;
  std::map<std::string, std::string> env_;
  std::unique_ptr<LoopbackAvahi> avahi_;
  std::unique_ptr<ChildProcess> master_;
  std::vector<std::unique_ptr<ChildProcess>> nodes_;
};

// The issue's "done when": a node with no flags finds and joins its master
// through DNS-SD. The wall file has no "master": DNS-SD is the only way.
TEST_F(MasterDiscovery, ANodeWithNoFlagsFindsAndJoinsItsMasterThroughDnsSd) {
  startAvahi();
  if (IsSkipped()) return;
  writeWall("");
  startMaster();
  ASSERT_TRUE(master_->waitForOutput("announced as wall \"" + wallName() + "\"", 20s))
      << master_->stderrText();

  ChildProcess& node = startNode();
  ASSERT_TRUE(node.waitForOutput(
      "found the master of wall \"" + wallName() + "\" through DNS-SD at " + masterHostPort(), 20s))
      << node.stderrText();
  EXPECT_TRUE(pollUntil([&] { return nodeShowsACue(); }, 30s))
      << sync().dump(1) << "\nnode: " << node.stderrText();

  // ctl finds the same master with no --master, and says nothing about it.
  test::CommandResult status = ctl({"status", "--json"}, (dir_ / "wall.json").string());
  ASSERT_EQ(status.exitStatus, 0) << status.err;
  EXPECT_EQ(status.err, "");
  nlohmann::json reply = nlohmann::json::parse(status.out);
  EXPECT_EQ(reply["wall"]["name"], wallName()) << status.out;
  EXPECT_TRUE(reply["nodes"][0]["connected"].get<bool>()) << status.out;
}

// A wall PC that boots before the master PC: its node waits for the
// announcement (saying so once) and joins when the master comes.
TEST_F(MasterDiscovery, ANodeStartedBeforeItsMasterJoinsWhenItAnnouncesItself) {
  startAvahi();
  if (IsSkipped()) return;
  writeWall("");
  ChildProcess& node = startNode();
  ASSERT_TRUE(node.waitForOutput(
      "waiting for the master of wall \"" + wallName() + "\" to announce itself through DNS-SD",
      20s))
      << node.stderrText();
  startMaster();
  EXPECT_TRUE(pollUntil([&] { return nodeShowsACue(); }, 40s))
      << sync().dump(1) << "\nnode: " << node.stderrText();
  // A SIGTERM while waiting ends it cleanly too, so systemd can stop it.
  node.kill(SIGTERM);
  EXPECT_EQ(node.wait(10s), 0) << node.stderrText();
}

// The master announces itself again when the daemon restarts: nodes started
// after the restart still find it.
TEST_F(MasterDiscovery, TheMasterAnnouncesItselfAgainAfterTheDaemonRestarts) {
  startAvahi();
  if (IsSkipped()) return;
  writeWall("");
  startMaster();
  std::string announced = "announced as wall \"" + wallName() + "\"";
  ASSERT_TRUE(master_->waitForOutput(announced, 20s)) << master_->stderrText();
  std::string problem = avahi_->restartAvahi();
  ASSERT_EQ(problem, "");
  ASSERT_TRUE(pollUntil(
      [&] {
        std::string said = master_->stderrText();
        return said.find(announced) != said.rfind(announced);
      },
      30s))
      << master_->stderrText();
  test::CommandResult status = ctl({"status"}, (dir_ / "wall.json").string());
  EXPECT_EQ(status.exitStatus, 0) << status.err;
  EXPECT_EQ(status.err, "");
}

// Two masters announcing one name (a second wall with the same name, or a
// master started twice): the second takes another DNS-SD name and says so.
TEST_F(MasterDiscovery, ASecondMasterOfTheSameNameAnnouncesUnderAnotherName) {
  startAvahi();
  if (IsSkipped()) return;
  writeWall("");
  startMaster();
  ASSERT_TRUE(master_->waitForOutput("announced as wall", 20s)) << master_->stderrText();
  int port = test::freePort();
  ChildProcess second(
      {HYPERWALL_EXE, "master", HYPERWALL_SOURCE_DIR "/tests/data/net/show", "--wall",
       (dir_ / "wall.json").string(), "--bind", "127.0.0.1", "--port", std::to_string(port),
       "--http-port", std::to_string(port + 1), "--state", (dir_ / "state2.json").string()},
      env_);
  ASSERT_TRUE(second.waitForOutput("announced as wall", 20s)) << second.stderrText();
  std::string instance = wallName().substr(0, 63);
  EXPECT_NE(second.stderrText().find("the DNS-SD name \"" + instance + "\" is taken"),
            std::string::npos)
      << second.stderrText();
  EXPECT_NE(second.stderrText().find("#2\", port " + std::to_string(port) + ")"), std::string::npos)
      << second.stderrText();
}

// Without an Avahi daemon the master says so once and serves on; the node
// and ctl say so in one line and use the wall file's "master".
TEST_F(MasterDiscovery, WithoutAnAvahiDaemonNodeAndCtlUseTheWallFilesMaster) {
  writeWall(masterHostPort());
  startMaster();
  ASSERT_TRUE(master_->waitForOutput("not announced through DNS-SD", 10s)) << master_->stderrText();

  ChildProcess& node = startNode();
  ASSERT_TRUE(node.waitForOutput("using the wall file's master " + masterHostPort(), 20s))
      << node.stderrText();
  EXPECT_NE(node.stderrText().find("no Avahi daemon ("), std::string::npos) << node.stderrText();
  EXPECT_TRUE(pollUntil([&] { return nodeShowsACue(); }, 30s))
      << sync().dump(1) << "\nnode: " << node.stderrText();

  // ctl talks to the control API: its wall file's "master" names the HTTP port.
  std::string url = "http://127.0.0.1:" + std::to_string(port_ + 1);
  test::CommandResult status = ctl({"status"}, writeWall(url, "ctl-wall.json"));
  EXPECT_EQ(status.exitStatus, 0) << status.err;
  EXPECT_NE(status.out.find(wallName()), std::string::npos) << status.out;
  EXPECT_EQ(status.err,
            "hyperwall: no Avahi daemon (Daemon not running): using the wall "
            "file's master " +
                url + "\n");
}

// Without a daemon and without a "master" there is nowhere to look: one line
// naming what to set, exit status 2 (bad input), at once.
TEST_F(MasterDiscovery, WithoutAnAvahiDaemonOrAMasterNodeAndCtlSayWhatToSet) {
  std::string wall = writeWall("");
  test::CommandResult node = test::runCommand(
      {HYPERWALL_EXE, "node", "--headless", "--wall", wall, "--cache", (dir_ / "cache").string()},
      env_, 20s);
  EXPECT_EQ(node.exitStatus, 2) << node.err;
  EXPECT_NE(node.err.find(wall + ": /master: no Avahi daemon to find the master of wall \"" +
                          wallName() + "\" through DNS-SD"),
            std::string::npos)
      << node.err;
  EXPECT_NE(node.err.find("set it in the wall file, or give --master"), std::string::npos)
      << node.err;

  test::CommandResult status = ctl({"status"}, wall);
  EXPECT_EQ(status.exitStatus, 2) << status.err;
  EXPECT_EQ(std::count(status.err.begin(), status.err.end(), '\n'), 1) << status.err;
  EXPECT_NE(status.err.find("no Avahi daemon to find the master"), std::string::npos) << status.err;
}

}  // namespace
}  // namespace hw
