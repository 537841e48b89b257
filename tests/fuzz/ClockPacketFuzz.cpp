// A UDP datagram on the clock port (engine/net/ClockPacket.h): anything that
// decodes encodes back to the same packet.
#include <cstdlib>
#include <cstring>

#include "engine/net/ClockPacket.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto packet = hw::ClockPacket::decode(data, size);
  if (!packet) return 0;
  hw::ClockPacket::Bytes bytes = packet->encode();
  auto again = hw::ClockPacket::decode(bytes.data(), bytes.size());
  if (!again || std::memcmp(again->encode().data(), bytes.data(), bytes.size()) != 0) std::abort();
  return 0;
}
