#include "engine/net/ClockResponder.h"

#include "engine/net/ClockPacket.h"
#include "engine/net/Protocol.h"

namespace hw {

ClockResponder::ClockResponder(asio::io_context& io, const asio::ip::udp::endpoint& bindTo,
                               Clock clock, TokenCheck tokenIsLive)
    : socket_(io, bindTo), clock_(std::move(clock)), tokenIsLive_(std::move(tokenIsLive)) {
  receive();
}

void ClockResponder::receive() {
  socket_.async_receive_from(asio::buffer(buffer_), sender_, [this](asio::error_code ec, std::size_t n) {
    double received = clock_();
    if (ec == asio::error::operation_aborted) return;
    auto packet = ec ? std::nullopt : ClockPacket::decode(buffer_.data(), n);
    if (!packet || packet->kind != ClockPacket::Kind::Request ||
        packet->protocol != kProtocolVersion || !tokenIsLive_(packet->token)) {
      ++dropped_;
    } else {
      packet->kind = ClockPacket::Kind::Reply;
      packet->t2 = received;
      packet->t3 = clock_();
      auto bytes = packet->encode();
      asio::error_code sendError;
      socket_.send_to(asio::buffer(bytes), sender_, 0, sendError);
      ++answered_;
    }
    receive();
  });
}

}  // namespace hw
