#include "engine/net/NodeShowView.h"

#include <filesystem>

#include "engine/net/HostClock.h"

namespace hw {

std::string standbyReason(const NodeFacts& view, const NodeSettings& settings) {
  if (!view.welcomed)
    return "connecting to master " + settings.masterHost + ":" + std::to_string(settings.port);
  if (!view.connected && monotonicSeconds() - view.disconnectedSince > settings.holdoverSeconds)
    return "master unreachable; reconnecting";
  if (!view.estimate.synced) return "synchronising with the master clock";
  return "";
}

std::shared_ptr<const Playlist> localShow(const NodeFacts& view, const AssetCache& cache) {
  auto show = std::make_shared<Playlist>(*view.show);
  const std::string scheme = kAssetScheme;
  auto local = [&](std::string& uri) {
    if (uri.rfind(scheme, 0) != 0) return;
    std::string path = cache.pathOf(uri.substr(scheme.size()));
    if (std::filesystem::exists(path)) uri = path;
  };
  for (auto& cue : show->cues) {
    for (auto& item : cue.items) {
      local(item.media.uri);
      for (std::string& frame : item.media.frames) local(frame);
    }
    for (auto& [id, movie] : cue.displayMovies) local(movie);
  }
  return show;
}

}  // namespace hw
