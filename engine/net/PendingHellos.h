#pragma once

#include <asio.hpp>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/net/ControlChannel.h"
#include "engine/net/RefusalLog.h"

namespace hw {

// What a peer that has not yet shown the wall key may hold of the master's
// control port (docs/protocol.md, "Before the hello").
struct HelloLimits {
  double deadlineSeconds = 5.0;      // s from connecting to the hello; then it is closed
  std::size_t maxBytes = 16u << 10;  // bytes, largest frame before the hello (one is ~200)
  int maxPending = 128;              // connections waiting for their hello, from everywhere
  int maxPendingPerAddress = 16;     // of those, from one address (IPv6: from one /64)
};

// The master's control connections that have not said hello yet, which is
// every connection a client without the key can open: each gets the small
// frame limit and the deadline, only so many may wait at once, and every
// refusal before or at the hello is one rate-limited log line (RefusalLog).
// Io thread only.
class PendingHellos {
 public:
  using HelloHandler =
      std::function<void(const std::shared_ptr<ControlChannel>&, const nlohmann::json& hello)>;

  PendingHellos(asio::io_context& io, HelloLimits limits,
                std::function<void(const std::string&)> writeLog);
  ~PendingHellos();

  // Takes a new connection: closed at once, with a line, when the caps are
  // reached; otherwise its first message goes to `onHello`, which from then on
  // owns the connection (and raises its frame limit if it accepts it).
  void admit(asio::ip::tcp::socket socket, HelloHandler onHello);
  // Logs a refusal told by `line` (rate-limited with the others).
  void logRefusal(const std::string& line);

 private:
  struct Pending;
  void release(ControlChannel* channel);
  void armFlush();

  asio::io_context& io_;
  HelloLimits limits_;
  std::function<void(const std::string&)> writeLog_;
  RefusalLog refusals_;
  asio::steady_timer flushTimer_;
  std::map<ControlChannel*, std::unique_ptr<Pending>> pending_;
  std::map<std::string, int> perAddress_;  // pending connections by addressGroup()
};

// The address a peer's pending connections are counted under: the address
// itself, an IPv4-mapped IPv6 one as IPv4, any other IPv6 one as its /64
// (one host there may use them all).
std::string addressGroup(const asio::ip::address& address);

}  // namespace hw
