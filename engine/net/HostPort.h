#pragma once

#include <string>

namespace hw {

struct HostPort {
  std::string host;  // name or address
  int port = 0;      // 1..65535
};

// "host", "host:port" or "[v6]:port"; throws InputError naming `option`.
HostPort parseHostPort(const std::string& text, int defaultPort, const std::string& option);

}  // namespace hw
