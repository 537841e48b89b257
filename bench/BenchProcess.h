#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace hw::bench {

// Starts `argv` (argv[0] a path) with stderr appended to `log` and stdout
// discarded; throws std::runtime_error when it cannot.
pid_t spawn(const std::vector<std::string>& argv, const std::string& log);
// What `command` (a shell line) prints on stdout.
std::string capture(const std::string& command);
// CPU seconds (user + system) process `pid` has used so far.
double cpuSeconds(pid_t pid);
// Resident memory of process `pid` (VmRSS, KiB); -1 when it is gone.
long residentKiB(pid_t pid);
// Open file descriptors of process `pid` (entries of /proc/PID/fd); -1 when it is gone.
int openFds(pid_t pid);

}  // namespace hw::bench
