#include "engine/net/NodeShowDocument.h"

#include "hwshow/HwshowParser.h"
#include "hwshow/HwshowWriter.h"

namespace hw {

nlohmann::json showDocumentForNodes(const Playlist& playlist) {
  Playlist wire = playlist;
  for (auto& cue : wire.cues) {
    cue.hwshowUri.clear();
    for (auto& item : cue.items)
      item.media.candidates = {{item.media.uri, item.media.width, item.media.height}};
  }
  // Every URI is an asset reference or a URL by now (collectAssets); those
  // are written as they are whatever the base.
  nlohmann::json document = playlistToHwshow(wire, "/");
  // The master's reasons, so every node's timeline skips what the master's does.
  for (std::size_t i = 0; i < wire.cues.size(); ++i)
    if (!wire.cues[i].playable) document["cues"][i]["skip"] = wire.cues[i].skipReason;
  return document;
}

Playlist showFromDocument(const nlohmann::json& document, const WallConfig& wall,
                          const LocalMirror& mirror, const std::string& origin) {
  LoadContext context{wall, mirror, {}};
  return parseHwshow(document, ShowOrigin{origin, "/"}, context);
}

}  // namespace hw
