#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace hw {

// Length-prefixed framing of the TCP control channel: a 4-byte big-endian
// length, then that many bytes of UTF-8 JSON. Bytes go in as they arrive;
// whole messages come out.
class FrameCodec {
 public:
  static constexpr std::size_t kMaxFrameBytes = 16u << 20;  // bytes; a welcome with a big show fits

  static std::string frame(const std::string& payload);

  // Lowers (or restores) the largest frame taken in, e.g. before a peer has proved it has the key.
  void setMaxIncomingBytes(std::size_t bytes) { maxIncomingBytes_ = bytes; }

  void append(const char* data, std::size_t size);
  // The next whole payload, or nullopt until more bytes arrive.
  // Throws std::length_error, once its length is read, for a frame over the
  // incoming limit (the peer is broken or hostile): no more is buffered than
  // the limit and what arrived with it.
  std::optional<std::string> next();

 private:
  std::string buffer_;
  std::size_t maxIncomingBytes_ = kMaxFrameBytes;
};

}  // namespace hw
