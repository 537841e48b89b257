#pragma once

#include <asio.hpp>
#include <memory>
#include <random>
#include <string>
#include <thread>

namespace hw {

// What the relay does to traffic, like Linux `tc netem` (absent on the
// benchmark machine) but in user space.
struct NetemSettings {
  double delay = 0.002;        // s added to every packet or chunk, each way
  double jitter = 0.001;       // s, uniform +- around the delay
  double loss = 0;             // UDP: probability a datagram is dropped
  double duplicate = 0;        // UDP: probability a datagram is sent twice
  double reorder = 0;          // UDP: probability a datagram is held back an extra 3 delays
};

// A user-space relay between nodes and a master: UDP and TCP on `port`
// (clock and control) and TCP on `port + 1` (assets), from `listenAddress`
// to `masterAddress`. TCP stays in order (jitter only delays a stream);
// UDP suffers loss, duplication and reordering as configured. Runs on its
// own thread until destroyed.
class NetemRelay {
 public:
  NetemRelay(const std::string& listenAddress, const std::string& masterAddress, int port,
             NetemSettings settings, unsigned seed = 1);
  ~NetemRelay();
  NetemRelay(const NetemRelay&) = delete;
  NetemRelay& operator=(const NetemRelay&) = delete;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::thread thread_;
};

}  // namespace hw
