#pragma once

#include <string>

#include "engine/net/AssetCache.h"
#include "engine/net/NodeClock.h"
#include "engine/net/NodeFacts.h"
#include "engine/render/SoundPlayer.h"

namespace hw {

// The wall's sound, on a node the wall config marks "audio": a SoundPlayer
// asking the node's facts what the show sounds like at a master time. Every
// node has one; on the others, and until the master's welcome says which
// node this is, it stays silent and opens no sound device.
class NodeSound {
 public:
  // Everything passed by reference must outlive this.
  NodeSound(const std::string& nodeId, const NodeClock& clock, const SharedNodeFacts& facts,
            const AssetCache& cache);

  // Null on a node that plays no sound.
  std::optional<SoundFigures> figures() const { return player_.figures(); }

 private:
  double masterNow() const;
  SoundWanted wantedAt(double at) const;

  const NodeClock& clock_;
  const SharedNodeFacts& facts_;
  const AssetCache& cache_;
  SoundPlayer player_;  // last: its thread asks the members above
};

}  // namespace hw
