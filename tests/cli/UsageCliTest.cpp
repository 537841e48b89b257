#include <gtest/gtest.h>

#include <regex>

#include "tests/support/ChildProcess.h"

namespace hw::test {
namespace {

CommandResult hyperwall(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {HYPERWALL_EXE};
  argv.insert(argv.end(), args.begin(), args.end());
  return runCommand(argv, {{"SDL_VIDEODRIVER", "dummy"}}, std::chrono::seconds(30));
}

// The subcommands the top-level help lists, so a new command is covered
// without editing this test.
std::vector<std::string> listedCommands() {
  CommandResult help = hyperwall({"--help"});
  std::vector<std::string> names;
  auto at = help.out.find("Subcommands:");
  std::regex line(R"(\n  ([a-z]+) )");
  std::string rest = help.out.substr(at == std::string::npos ? help.out.size() : at);
  for (std::sregex_iterator it(rest.begin(), rest.end(), line), end; it != end; ++it)
    names.push_back((*it)[1]);
  return names;
}

TEST(UsageCli, TopLevelHelpListsTheCommandsAndExitsZero) {
  CommandResult r = hyperwall({"--help"});
  EXPECT_EQ(r.exitStatus, 0);
  auto names = listedCommands();
  for (const char* expected : {"plan", "tile", "rehearse", "pattern", "master", "node"})
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
}

TEST(UsageCli, EveryCommandHasHelpAndRefusesUnknownFlagsWithTwo) {
  for (const std::string& name : listedCommands()) {
    CommandResult help = hyperwall({name, "--help"});
    EXPECT_EQ(help.exitStatus, 0) << name;
    EXPECT_NE(help.out.find("Usage:"), std::string::npos) << name;
    CommandResult bad = hyperwall({name, "--no-such-flag"});
    EXPECT_EQ(bad.exitStatus, 2) << name;
    EXPECT_FALSE(bad.err.empty()) << name;
  }
}

TEST(UsageCli, NoOrUnknownCommandIsAUsageError) {
  EXPECT_EQ(hyperwall({}).exitStatus, 2);
  CommandResult r = hyperwall({"frobnicate"});
  EXPECT_EQ(r.exitStatus, 2);
  EXPECT_NE(r.err.find("frobnicate"), std::string::npos) << r.err;
}

TEST(UsageCli, CtlSaysWhichCommandOrCueItDoesNotKnow) {
  CommandResult unknown = hyperwall({"ctl", "explode"});
  EXPECT_EQ(unknown.exitStatus, 2);
  EXPECT_EQ(unknown.err.rfind("hyperwall ctl: unknown command \"explode\" (status, play, ", 0), 0u)
      << unknown.err;
  CommandResult none = hyperwall({"ctl"});
  EXPECT_EQ(none.exitStatus, 2);
  EXPECT_EQ(none.err.rfind("hyperwall ctl: say what to do (status, play, ", 0), 0u) << none.err;
  for (const char* cue : {"x", "2x", "0", "-1", "1.5"}) {
    CommandResult bad = hyperwall({"ctl", "goto", cue});
    EXPECT_EQ(bad.exitStatus, 2) << cue;
    EXPECT_EQ(bad.err.rfind("hyperwall ctl goto: \"" + std::string(cue) +
                                "\" is not a cue number (1 is the first cue, as in `ctl status`)\n",
                            0),
              0u)
        << bad.err;
  }
}

TEST(UsageCli, VersionExitsZero) {
  CommandResult r = hyperwall({"--version"});
  EXPECT_EQ(r.exitStatus, 0);
  EXPECT_NE(r.out.find("hyperwall"), std::string::npos);
}

}  // namespace
}  // namespace hw::test
