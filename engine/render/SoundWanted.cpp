#include "engine/render/SoundWanted.h"

#include <cmath>

namespace hw {

SoundWanted soundAt(const Playlist& show, const PlaybackPosition& position) {
  if (position.mode != PlaybackMode::Playing || position.finished || position.cue < 0 ||
      position.cue >= static_cast<int>(show.cues.size()))
    return {};
  for (const LayoutItem& item : show.cues[position.cue].items) {
    const MediaRef& media = item.media;
    if (media.kind != MediaKind::Movie || !media.frames.empty() || !media.movie.known()) continue;
    double pass = media.movie.seconds();
    return {media.uri, std::fmod(std::max(0.0, position.elapsed), pass), pass};
  }
  return {};
}

}  // namespace hw
