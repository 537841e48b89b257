#include "engine/net/ClockRequester.h"

#include "engine/net/Protocol.h"

namespace hw {

ClockRequester::ClockRequester(asio::io_context& io, const NodeClock& clock,
                               SampleHandler onSample, Rates rates)
    : socket_(io), timer_(io), clock_(clock), onSample_(std::move(onSample)), rates_(rates),
      random_(std::random_device{}()) {}

void ClockRequester::start(const asio::ip::udp::endpoint& endpoint, std::uint64_t token,
                           bool freshMaster) {
  stop();
  if (freshMaster) {
    estimator_.reset();
    last_.reset();
  }
  master_ = endpoint;
  token_ = token;
  socket_.open(endpoint.protocol());
  running_ = true;
  burstLeft_ = estimator_.estimate().synced ? 0 : rates_.burstCount;
  receive();
  sendNext();
}

void ClockRequester::stop() {
  running_ = false;
  timer_.cancel();
  asio::error_code ignored;
  if (socket_.is_open()) socket_.close(ignored);
}

void ClockRequester::sendNext() {
  if (!running_) return;
  ClockPacket request = tracker_.request(token_, kProtocolVersion, random_(), clock_.now());
  auto bytes = request.encode();
  asio::error_code ignored;  // a lost request is just a lost sample
  socket_.send_to(asio::buffer(bytes), master_, 0, ignored);
  double wait = burstLeft_ > 0 ? rates_.burstInterval : rates_.steadyInterval;
  if (burstLeft_ > 0) --burstLeft_;
  timer_.expires_after(std::chrono::microseconds(static_cast<long>(wait * 1e6)));
  timer_.async_wait([this](asio::error_code ec) {
    if (!ec) sendNext();
  });
}

void ClockRequester::receive() {
  socket_.async_receive_from(asio::buffer(buffer_), sender_, [this](asio::error_code ec, std::size_t n) {
    double now = clock_.now();
    if (ec == asio::error::operation_aborted || !running_) return;
    if (!ec && sender_ == master_) {
      if (auto packet = ClockPacket::decode(buffer_.data(), n)) {
        if (auto sample = tracker_.reply(*packet, now)) {
          if (estimator_.add(*sample)) last_ = sample;
          onSample_(*sample, estimator_.estimate());
        }
      }
    }
    receive();
  });
}

}  // namespace hw
