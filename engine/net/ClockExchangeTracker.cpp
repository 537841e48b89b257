#include "engine/net/ClockExchangeTracker.h"

namespace hw {

ClockPacket ClockExchangeTracker::request(std::uint64_t token, std::uint16_t protocol,
                                          std::uint64_t nonce, double now) {
  expire(now);
  ClockPacket packet;
  packet.protocol = protocol;
  packet.kind = ClockPacket::Kind::Request;
  packet.token = token;
  packet.sequence = nextSequence_++;
  packet.nonce = nonce;
  packet.t1 = now;
  pending_[packet.sequence] = {nonce, now};
  return packet;
}

std::optional<ClockSample> ClockExchangeTracker::reply(const ClockPacket& packet, double now) {
  expire(now);
  auto it = pending_.find(packet.sequence);
  if (packet.kind != ClockPacket::Kind::Reply || it == pending_.end() ||
      it->second.nonce != packet.nonce || it->second.t1 != packet.t1) {
    ++ignored_;
    return std::nullopt;
  }
  pending_.erase(it);
  return ClockSample{packet.t1, packet.t2, packet.t3, now};
}

void ClockExchangeTracker::expire(double now) {
  for (auto it = pending_.begin(); it != pending_.end();)
    it = now - it->second.t1 > expiry_ ? pending_.erase(it) : std::next(it);
}

}  // namespace hw
