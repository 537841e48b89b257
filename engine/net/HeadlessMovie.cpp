#include "engine/net/HeadlessMovie.h"

namespace hw {

HeadlessMovie::HeadlessMovie(std::shared_ptr<const Playlist> show, int cue, const WallConfig& wall,
                             const NodeConfig& node)
    : show_(std::move(show)),
      cue_(cue),
      layout_(wall, node),
      tiler_(wall, media_),
      tiles_(*show_, tiler_),
      mirror_(LocalMirror::fromEnvironment()),
      playback_(*show_, cue, layout_, tiles_, mirror_) {}

bool HeadlessMovie::showAt(double elapsed, bool paused) {
  std::optional<std::vector<Image>> pictures =
      playback_.take(playback_.tickAt(elapsed), false, paused);
  if (!pictures || pictures->empty()) return false;
  picture_ = std::make_shared<const Image>(std::move(pictures->front()));
  return true;
}

bool HeadlessMovie::current(double elapsed) const {
  return playback_.stats().tick == playback_.tickAt(elapsed);
}

double HeadlessMovie::nextFrameAt(double elapsed) const {
  return playback_.tickStart(playback_.tickAt(elapsed) + 1);
}

double HeadlessMovie::frameStartAt(double elapsed) const {
  return playback_.tickStart(playback_.tickAt(elapsed));
}

}  // namespace hw
