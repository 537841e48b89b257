#pragma once

#include <asio.hpp>
#include <deque>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/net/FrameCodec.h"

namespace hw {

// One TCP control connection carrying length-prefixed JSON messages, used by
// both ends. Runs on its io_context's thread: handlers are called there, and
// send()/close() must be called there too (post to it from elsewhere).
// Anything malformed from the peer closes the connection with a reason.
class ControlChannel : public std::enable_shared_from_this<ControlChannel> {
 public:
  using MessageHandler = std::function<void(const nlohmann::json& message)>;
  using CloseHandler = std::function<void(const std::string& reason)>;

  explicit ControlChannel(asio::ip::tcp::socket socket);

  // The largest frame taken from the peer (FrameCodec::kMaxFrameBytes until lowered).
  void setMaxIncomingBytes(std::size_t bytes) { codec_.setMaxIncomingBytes(bytes); }

  void start(MessageHandler onMessage, CloseHandler onClose);
  // Hands the connection to new handlers (after a hello is accepted).
  void rebind(MessageHandler onMessage, CloseHandler onClose);
  void send(const nlohmann::json& message);
  // Sends what is queued, then closes (a refusal must reach the peer).
  void closeAfterSending(const std::string& reason);
  void close(const std::string& reason);

  const std::string& peer() const { return peer_; }
  asio::ip::address peerAddress() const { return peerAddress_; }
  bool open() const { return open_; }
  // Whether it was closed for what the peer sent (oversized, not JSON, no type).
  bool closedForBadMessage() const { return badMessage_; }

 private:
  void readMore();
  void writeNext();

  asio::ip::tcp::socket socket_;
  std::string peer_;  // "address:port", for messages
  asio::ip::address peerAddress_;
  FrameCodec codec_;
  std::array<char, 1 << 16> readBuffer_{};
  std::deque<std::string> writeQueue_;
  bool writing_ = false;
  bool open_ = true;
  bool closing_ = false;
  bool badMessage_ = false;
  std::string closeReason_;
  MessageHandler onMessage_;
  CloseHandler onClose_;
};

}  // namespace hw
