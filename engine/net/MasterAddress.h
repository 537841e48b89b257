#pragma once

#include <string>

namespace hw {

// Where a command finds the master, from `--master`. Every command takes the
// same three forms, and a port always means the same port of the master:
//   host               the default ports: wall port 7400, HTTP port 8700
//   host:port          the wall port (`master --port`); the HTTP port is 8700
//   http://host:port   the HTTP port (`master --http-port`); the wall port is 7400
// (https:// too, and [v6] hosts). `node` uses the wall port, `ctl` the HTTP URL.
struct MasterAddress {
  std::string host;     // name or address, without brackets
  int wallPort = 0;     // TCP control and UDP clock
  std::string httpUrl;  // control API base: scheme://host:port[/path], no trailing slash
};

// Throws InputError naming `option` for anything else (another scheme, no
// host, a port out of 1..65535).
MasterAddress parseMasterAddress(const std::string& text, const std::string& option);

// The master at `host` with these ports (as DNS-SD announces it, MasterBrowser).
MasterAddress masterAt(const std::string& host, int wallPort, int httpPort);

}  // namespace hw
