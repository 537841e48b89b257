// A wall key shorter than 16 characters is refused wherever it is given:
// exit 2 and one line naming where it came from, before anything listens.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/ChildProcess.h"
#include "tests/support/TempFolder.h"

namespace hw::test {
namespace {

const std::string kShort = "short-key";  // 9 characters
const std::string kProblem = "the wall key has 9 characters; at least 16 are needed";

// `hyperwall ARGS` with no key from this machine unless `env` gives one.
CommandResult hyperwall(const std::vector<std::string>& args,
                        std::map<std::string, std::string> env = {}) {
  static TempFolder emptyState("hyperwall-nostate");
  env.emplace("HYPERWALL_KEY", "");
  env.emplace("HYPERWALL_STATE", emptyState.path().string());
  std::vector<std::string> argv = {HYPERWALL_EXE};
  argv.insert(argv.end(), args.begin(), args.end());
  // A master or node that accepted the key would run on: the timeout ends it.
  return runCommand(argv, env, std::chrono::seconds(10));
}

void expectRefused(const CommandResult& run, const std::string& origin) {
  EXPECT_EQ(run.exitStatus, 2) << run.err;
  EXPECT_EQ(run.err.rfind("hyperwall: " + origin + ": " + kProblem, 0), 0u) << run.err;
}

const std::vector<std::string> kMaster = {
    "master",      HYPERWALL_SOURCE_DIR "/tests/data/net/show",
    "--bind",      "127.0.0.1",
    "--port",      "1",
    "--http-port", "2"};  // ports it never reaches

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(WallKeyCli, MasterRefusesAShortKeyFromTheFlagOrTheEnvironment) {
  expectRefused(hyperwall(with(kMaster, {"--key", kShort})), "--key");
  expectRefused(hyperwall(kMaster, {{"HYPERWALL_KEY", kShort}}), "$HYPERWALL_KEY");
}

// A key file in `state` holding the short key, readable by its owner only; its path.
std::string writeShortKeyFile(const TempFolder& state) {
  std::string file = state.write("wall.key", kShort + "\n");
  std::filesystem::permissions(file, std::filesystem::perms::owner_read,
                               std::filesystem::perm_options::replace);
  return file;
}

TEST(WallKeyCli, MasterRefusesAShortKeyInItsKeyFile) {
  TempFolder state("hyperwall-state");
  std::string file = writeShortKeyFile(state);
  expectRefused(hyperwall(kMaster, {{"HYPERWALL_STATE", state.path().string()}}), file);
}

TEST(WallKeyCli, NodeRefusesAShortKeyFromTheFlagOrTheEnvironment) {
  const std::vector<std::string> node = {"node", "--master", "127.0.0.1:1",
                                         "--id", "r0c0",     "--headless"};
  expectRefused(hyperwall(with(node, {"--key", kShort})), "--key");
  expectRefused(hyperwall(node, {{"HYPERWALL_KEY", kShort}}), "$HYPERWALL_KEY");
}

TEST(WallKeyCli, CtlRefusesAShortKeyFromTheFlagTheEnvironmentOrTheKeyFile) {
  const std::vector<std::string> ctl = {"ctl", "--master", "http://127.0.0.1:1", "status"};
  expectRefused(hyperwall(with(ctl, {"--key", kShort})), "--key");
  expectRefused(hyperwall(ctl, {{"HYPERWALL_KEY", kShort}}), "$HYPERWALL_KEY");
  TempFolder state("hyperwall-state");
  std::string file = writeShortKeyFile(state);
  expectRefused(hyperwall(ctl, {{"HYPERWALL_STATE", state.path().string()}}), file);
}

TEST(WallKeyCli, AKeyOfSixteenCharactersIsAccepted) {
  // Past the key check, ctl fails only on the master that is not there.
  CommandResult run =
      hyperwall({"ctl", "--master", "http://127.0.0.1:1", "--key", "sixteen-chars-ok", "status"});
  EXPECT_EQ(run.exitStatus, 1) << run.err;
  EXPECT_NE(run.err.find("cannot reach master"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace hw::test
