#pragma once

#include <cstdint>
#include <map>
#include <optional>

#include "engine/net/ClockPacket.h"
#include "engine/net/ClockSample.h"

namespace hw {

// Pairs clock replies with the requests the node sent. A reply counts once,
// only if its sequence is outstanding and it echoes that request's nonce and
// send time: duplicates, replies to a previous run and forgeries are ignored.
// Reordered replies are fine (their longer round trip ranks them lower).
class ClockExchangeTracker {
 public:
  // `expiry`: s after which an unanswered request is forgotten.
  explicit ClockExchangeTracker(double expiry = 1.0) : expiry_(expiry) {}

  // Fills in sequence, nonce and t1 of a new request sent at local time `now`.
  ClockPacket request(std::uint64_t token, std::uint16_t protocol, std::uint64_t nonce, double now);
  // The exchange a reply completes, received at local time `now`.
  std::optional<ClockSample> reply(const ClockPacket& packet, double now);

  int outstanding() const { return static_cast<int>(pending_.size()); }
  std::uint64_t ignored() const { return ignored_; }

 private:
  struct Pending {
    std::uint64_t nonce;  // what the reply must echo
    double t1;            // s, local send time
  };
  void expire(double now);

  double expiry_;
  std::uint64_t nextSequence_ = 1;
  std::map<std::uint64_t, Pending> pending_;  // by sequence
  std::uint64_t ignored_ = 0;                 // replies dropped as stale, duplicate or forged
};

}  // namespace hw
