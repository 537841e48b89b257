#include "engine/net/NodeLiveness.h"

namespace hw {

LinkState linkState(bool connected, double silentSeconds, const LivenessRule& rule) {
  if (!connected || silentSeconds >= rule.downAfter) return LinkState::Down;
  if (silentSeconds >= rule.staleAfter) return LinkState::Stale;
  return LinkState::Up;
}

std::string linkStateName(LinkState state) {
  switch (state) {
    case LinkState::Up:
      return "up";
    case LinkState::Stale:
      return "stale";
    case LinkState::Down:
      break;
  }
  return "down";
}

bool newcomerTakesOver(const std::string& oldInstance, const std::string& newInstance,
                       double oldSilentSeconds, const LivenessRule& rule) {
  if (!newInstance.empty() && newInstance == oldInstance) return true;
  return linkState(true, oldSilentSeconds, rule) != LinkState::Up;
}

}  // namespace hw
