#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace hw::test {

// What a finished command printed and how it ended.
struct CommandResult {
  int exitStatus = -1;  // exit code, or 128 + signal when killed
  std::string out;      // everything written to stdout
  std::string err;      // everything written to stderr
  bool timedOut = false;
};

// Runs a program to completion (killing it after `timeout`), capturing both
// streams. `env` entries are added to (or replace) the inherited environment.
CommandResult runCommand(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env = {},
                         std::chrono::milliseconds timeout = std::chrono::seconds(60),
                         const std::string& workingDir = "");

// A long-running child (a master, a node) started, talked to and stopped by PID.
// Its output goes to files so it can be read while it runs.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv,
               const std::map<std::string, std::string>& env = {});
  ~ChildProcess();  // kills the child if still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  int pid() const { return pid_; }
  bool running();
  void kill(int signal);
  // Waits for exit; returns the exit status, or -1 on timeout.
  int wait(std::chrono::milliseconds timeout);
  std::string stdoutText() const;
  std::string stderrText() const;
  // Polls stdout+stderr until `needle` appears; false on timeout or exit.
  bool waitForOutput(const std::string& needle, std::chrono::milliseconds timeout);

 private:
  int pid_ = -1;
  int status_ = -1;
  std::string outPath_;
  std::string errPath_;
};

}  // namespace hw::test
