#pragma once

#include <string>

namespace hw {

// How a node's control link looks from the master. Nodes report every
// second, so silence tells a frozen process or a pulled cable long before TCP
// notices (a half-open connection can stay "open" for minutes).
enum class LinkState {
  Up,     // heard from within staleAfter
  Stale,  // connected but silent: its figures are old
  Down,   // not connected, or silent past downAfter (the master drops the connection)
};

struct LivenessRule {
  double staleAfter = 3.0;  // s of silence before a node is stale (three missed 1 Hz reports)
  double downAfter = 6.0;   // s of silence before the master declares it down and disconnects
};

// The link state of a node connected or not, silent for `silentSeconds`.
LinkState linkState(bool connected, double silentSeconds, const LivenessRule& rule = {});

// "up", "stale" or "down", as the status JSON and `ctl status` say it.
std::string linkStateName(LinkState state);

// A second hello for a node id whose connection is open: the newcomer takes
// over when it is the same process reconnecting (same `instance`) or when the
// old connection has gone stale (a crashed or rebooted node's socket left
// half-open); a live connection of another process keeps the id and the
// newcomer is refused as a duplicate.
bool newcomerTakesOver(const std::string& oldInstance, const std::string& newInstance,
                       double oldSilentSeconds, const LivenessRule& rule = {});

}  // namespace hw
