#pragma once

#include <string>
#include <vector>

namespace hw {

// The names a wall file's `host` may call this machine: its host name first,
// then the addresses of its network interfaces (IPv4 and IPv6, loopback too).
std::vector<std::string> thisHostNames();

// This machine's host name ("" when it has none).
std::string thisHostName();

}  // namespace hw
