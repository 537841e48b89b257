#include "engine/render/TimelineSpec.h"

namespace hw {

TimelineSpec timelineSpecFor(const Playlist& playlist) {
  TimelineSpec spec;
  spec.loop = playlist.loop;
  for (const Cue& cue : playlist.cues) {
    bool fades = cue.transition.type == TransitionType::Crossfade;
    spec.cues.push_back({cue.durationSeconds, fades ? cue.transition.seconds : 0.0, cue.playable});
  }
  return spec;
}

}  // namespace hw
