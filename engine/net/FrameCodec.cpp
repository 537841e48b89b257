#include "engine/net/FrameCodec.h"

#include <stdexcept>

namespace hw {

std::string FrameCodec::frame(const std::string& payload) {
  if (payload.size() > kMaxFrameBytes) throw std::length_error("message too large to send");
  auto n = static_cast<std::uint32_t>(payload.size());
  std::string out;
  out.reserve(4 + payload.size());
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((n >> shift) & 0xff);
  out += payload;
  return out;
}

void FrameCodec::append(const char* data, std::size_t size) { buffer_.append(data, size); }

std::optional<std::string> FrameCodec::next() {
  if (buffer_.size() < 4) return std::nullopt;
  std::size_t length = 0;
  for (int i = 0; i < 4; ++i) length = (length << 8) | static_cast<unsigned char>(buffer_[i]);
  if (length > maxIncomingBytes_)
    throw std::length_error("incoming message of " + std::to_string(length) +
                            " bytes is over the " + std::to_string(maxIncomingBytes_) +
                            "-byte limit");
  if (buffer_.size() < 4 + length) return std::nullopt;
  std::string payload = buffer_.substr(4, length);
  buffer_.erase(0, 4 + length);
  return payload;
}

}  // namespace hw
