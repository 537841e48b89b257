#pragma once

#include <asio.hpp>
#include <cstdint>
#include <functional>

namespace hw {

// The master's side of clock exchanges: answers each well-formed request
// carrying a live session token, stamping receipt (t2) and reply (t3) on the
// master clock. Answers are the size of requests, so it amplifies nothing;
// anything else is dropped without a word.
class ClockResponder {
 public:
  using Clock = std::function<double()>;
  using TokenCheck = std::function<bool(std::uint64_t token)>;

  ClockResponder(asio::io_context& io, const asio::ip::udp::endpoint& bindTo, Clock clock,
                 TokenCheck tokenIsLive);
  std::uint64_t answered() const { return answered_; }
  std::uint64_t dropped() const { return dropped_; }

 private:
  void receive();

  asio::ip::udp::socket socket_;
  Clock clock_;
  TokenCheck tokenIsLive_;
  std::array<std::uint8_t, 512> buffer_{};
  asio::ip::udp::endpoint sender_;
  std::uint64_t answered_ = 0;  // replies sent
  std::uint64_t dropped_ = 0;   // datagrams ignored
};

}  // namespace hw
