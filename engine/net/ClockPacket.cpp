#include "engine/net/ClockPacket.h"

#include <bit>
#include <cmath>
#include <cstring>

namespace hw {
namespace {

constexpr std::uint32_t kMagic = 0x4b435748;  // "HWCK" read little-endian

template <typename T>
void put(std::uint8_t*& out, T value) {
  std::uint64_t bits = 0;
  if constexpr (std::is_same_v<T, double>)
    bits = std::bit_cast<std::uint64_t>(value);
  else
    bits = static_cast<std::uint64_t>(value);
  for (std::size_t i = 0; i < sizeof(T); ++i) *out++ = static_cast<std::uint8_t>(bits >> (8 * i));
}

template <typename T>
T get(const std::uint8_t*& in) {
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i) bits |= static_cast<std::uint64_t>(*in++) << (8 * i);
  if constexpr (std::is_same_v<T, double>)
    return std::bit_cast<double>(bits);
  else
    return static_cast<T>(bits);
}

}  // namespace

ClockPacket::Bytes ClockPacket::encode() const {
  Bytes bytes{};
  std::uint8_t* out = bytes.data();
  put<std::uint32_t>(out, kMagic);
  put<std::uint16_t>(out, protocol);
  put<std::uint16_t>(out, static_cast<std::uint16_t>(kind));
  put<std::uint64_t>(out, token);
  put<std::uint64_t>(out, sequence);
  put<std::uint64_t>(out, nonce);
  put<double>(out, t1);
  put<double>(out, t2);
  put<double>(out, t3);
  return bytes;
}

std::optional<ClockPacket> ClockPacket::decode(const std::uint8_t* data, std::size_t size) {
  if (size != kSize) return std::nullopt;
  const std::uint8_t* in = data;
  if (get<std::uint32_t>(in) != kMagic) return std::nullopt;
  ClockPacket packet;
  packet.protocol = get<std::uint16_t>(in);
  auto kind = get<std::uint16_t>(in);
  if (kind != 1 && kind != 2) return std::nullopt;
  packet.kind = static_cast<Kind>(kind);
  packet.token = get<std::uint64_t>(in);
  packet.sequence = get<std::uint64_t>(in);
  packet.nonce = get<std::uint64_t>(in);
  packet.t1 = get<double>(in);
  packet.t2 = get<double>(in);
  packet.t3 = get<double>(in);
  if (!std::isfinite(packet.t1) || !std::isfinite(packet.t2) || !std::isfinite(packet.t3))
    return std::nullopt;
  return packet;
}

}  // namespace hw
