#pragma once

#include <array>
#include <cstdint>
#include <optional>

namespace hw {

// The UDP datagram of one clock exchange (docs/protocol.md, "Clock").
// Fixed 56 bytes, little-endian, so decoding never allocates or guesses.
struct ClockPacket {
  enum class Kind : std::uint16_t { Request = 1, Reply = 2 };

  std::uint16_t protocol = 0;  // protocol version of the sender
  Kind kind = Kind::Request;
  std::uint64_t token = 0;     // session token from the master's welcome
  std::uint64_t sequence = 0;  // node's request counter
  std::uint64_t nonce = 0;     // random per request: replies must echo it
  double t1 = 0;               // s, node clock at send (echoed by the master)
  double t2 = 0;               // s, master clock at receipt (replies only)
  double t3 = 0;               // s, master clock at reply (replies only)

  static constexpr std::size_t kSize = 56;  // bytes on the wire
  using Bytes = std::array<std::uint8_t, kSize>;

  Bytes encode() const;
  // Empty for anything that is not a well-formed clock packet.
  static std::optional<ClockPacket> decode(const std::uint8_t* data, std::size_t size);
};

}  // namespace hw
