#pragma once

#include <string>

#include "engine/net/Protocol.h"

namespace hw {

struct NodeSettings {
  std::string masterHost = "127.0.0.1";  // where the master runs
  int port = kDefaultPort;         // master's TCP control / UDP clock port
  std::string nodeId;              // this node's id in the wall config
  std::string key;                 // wall key presented in the hello
  bool systemClock = false;        // true: trust the host realtime clock as the master's (PTP/chrony)
  double simOffsetSeconds = 0;     // s, simulated error added to the local clock (testing)
  double simDriftPpm = 0;          // ppm, simulated drift of the local clock (testing)
  bool simulate = false;           // true: report estimate error against the simulated truth
  std::string cacheDirectory;      // content-addressed asset cache
  double holdoverSeconds = 10;     // s the show goes on without the master before standby
  int protocol = kProtocolVersion; // protocol spoken in the hello (only tests change it)
  bool verbose = false;            // true: a line per present on stderr
  bool frames = false;             // true: a headless node reports its tile as frames too
  std::string presentTrace;        // testing: file for a line per movie frame shown (PresentTrace)
};

}  // namespace hw
