#include "tests/control/RunProgram.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tests/control/TempFolder.h"

extern char** environ;

namespace hw::test {
namespace {

std::string readAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> environmentWith(const std::map<std::string, std::string>& changes) {
  std::vector<std::string> result;
  for (char** entry = environ; *entry; ++entry) {
    std::string line = *entry;
    std::string name = line.substr(0, line.find('='));
    if (!changes.count(name)) result.push_back(line);
  }
  for (const auto& [name, value] : changes) {
    if (!value.empty()) result.push_back(name + "=" + value);
  }
  return result;
}

std::vector<char*> pointersTo(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

ProgramRun runProgram(const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& env) {
  TempFolder folder("hyperwall-run");
  std::filesystem::path outFile = folder.path() / "out", errFile = folder.path() / "err";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, outFile.c_str(), O_WRONLY | O_CREAT, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, errFile.c_str(), O_WRONLY | O_CREAT, 0600);

  std::vector<std::string> argv = args;
  std::vector<std::string> envp = environmentWith(env);
  std::vector<char*> argvPointers = pointersTo(argv), envPointers = pointersTo(envp);
  pid_t pid = 0;
  int failed = posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, argvPointers.data(),
                           envPointers.data());
  posix_spawn_file_actions_destroy(&actions);
  if (failed) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(failed));

  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  ProgramRun run;
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = readAll(outFile);
  run.err = readAll(errFile);
  return run;
}

}  // namespace hw::test
