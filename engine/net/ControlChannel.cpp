#include "engine/net/ControlChannel.h"

namespace hw {

ControlChannel::ControlChannel(asio::ip::tcp::socket socket) : socket_(std::move(socket)) {
  asio::error_code ec;
  auto remote = socket_.remote_endpoint(ec);
  peer_ = ec ? "?" : remote.address().to_string() + ":" + std::to_string(remote.port());
  peerAddress_ = remote.address();
  socket_.set_option(asio::ip::tcp::no_delay(true), ec);
}

void ControlChannel::start(MessageHandler onMessage, CloseHandler onClose) {
  onMessage_ = std::move(onMessage);
  onClose_ = std::move(onClose);
  readMore();
}

void ControlChannel::rebind(MessageHandler onMessage, CloseHandler onClose) {
  onMessage_ = std::move(onMessage);
  onClose_ = std::move(onClose);
}

void ControlChannel::send(const nlohmann::json& message) {
  if (!open_ || closing_) return;
  writeQueue_.push_back(FrameCodec::frame(message.dump()));
  if (!writing_) writeNext();
}

void ControlChannel::closeAfterSending(const std::string& reason) {
  if (!open_) return;
  closing_ = true;
  closeReason_ = reason;
  if (!writing_) close(reason);
}

void ControlChannel::close(const std::string& reason) {
  if (!open_) return;
  open_ = false;
  asio::error_code ignored;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
  if (onClose_) {
    auto handler = std::move(onClose_);
    onClose_ = nullptr;
    onMessage_ = nullptr;
    handler(reason);
  }
}

void ControlChannel::readMore() {
  auto self = shared_from_this();
  socket_.async_read_some(asio::buffer(readBuffer_), [self](asio::error_code ec, std::size_t n) {
    if (!self->open_) return;
    if (ec) {
      self->close(ec == asio::error::eof ? "connection closed by peer" : ec.message());
      return;
    }
    try {
      self->codec_.append(self->readBuffer_.data(), n);
      while (auto payload = self->codec_.next()) {
        nlohmann::json message = nlohmann::json::parse(*payload);
        if (!message.is_object() || !message.contains("type") || !message["type"].is_string())
          throw std::runtime_error("message without a \"type\"");
        if (self->onMessage_) self->onMessage_(message);
        if (!self->open_ || self->closing_) return;  // nothing more is taken in once refused
      }
    } catch (const std::exception& e) {
      self->badMessage_ = true;
      self->close(std::string("bad message from peer: ") + e.what());
      return;
    }
    self->readMore();
  });
}

void ControlChannel::writeNext() {
  if (writeQueue_.empty()) {
    writing_ = false;
    if (closing_) close(closeReason_);
    return;
  }
  writing_ = true;
  auto self = shared_from_this();
  asio::async_write(socket_, asio::buffer(writeQueue_.front()),
                    [self](asio::error_code ec, std::size_t) {
                      if (!self->open_) return;
                      if (ec) {
                        self->close(ec.message());
                        return;
                      }
                      self->writeQueue_.pop_front();
                      self->writeNext();
                    });
}

}  // namespace hw
