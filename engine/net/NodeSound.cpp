#include "engine/net/NodeSound.h"

#include <filesystem>

#include "engine/net/AssetManifest.h"
#include "engine/net/LogLine.h"
#include "engine/net/ShowState.h"

namespace hw {

NodeSound::NodeSound(const std::string& nodeId, const NodeClock& clock,
                     const SharedNodeFacts& facts, const AssetCache& cache)
    : clock_(clock),
      facts_(facts),
      cache_(cache),
      player_([this] { return masterNow(); }, [this](double at) { return wantedAt(at); },
              [who = "node " + nodeId](const std::string& line) { logLine(who, line); }) {}

double NodeSound::masterNow() const {
  return facts_.inspect([](const NodeFacts& view) { return view.estimate; }).toMaster(clock_.now());
}

SoundWanted NodeSound::wantedAt(double at) const {
  SoundWanted wanted = facts_.inspect([at](const NodeFacts& view) -> SoundWanted {
    // Silent where the pictures are not the show's: blanked, a pattern, refused.
    if (!view.node.audio || !view.welcomed || !view.refusal.empty() || view.overlay != "none" ||
        !view.show || !view.timeline)
      return {};
    return soundAt(*view.show, positionAt(view.state, *view.timeline, at));
  });
  // The master names files by content; a file not fetched yet is silent.
  const std::string scheme = kAssetScheme;
  if (wanted.uri.rfind(scheme, 0) == 0) {
    std::string path = cache_.pathOf(wanted.uri.substr(scheme.size()));
    wanted.uri = std::filesystem::exists(path) ? path : "";
  }
  return wanted;
}

}  // namespace hw
