#include "engine/control/PlaylistJson.h"

#include <string>

namespace hw {

nlohmann::json playlistToJson(const Playlist& playlist, int generation) {
  nlohmann::json cues = nlohmann::json::array();
  for (std::size_t i = 0; i < playlist.cues.size(); ++i) {
    const Cue& cue = playlist.cues[i];
    std::string number = std::to_string(i + 1);
    cues.push_back(
        {{"cue", i + 1},
         {"title", cue.title},
         {"seconds", cue.durationSeconds},
         {"playable", cue.playable},
         {"skipReason", cue.skipReason},
         {"notes", cue.notes},
         {"thumbnail", "/api/cues/" + number + "/thumbnail.png?g=" + std::to_string(generation)}});
  }
  return {{"generation", generation},
          {"title", playlist.metadata.title},
          {"source", playlist.metadata.source},
          {"loop", playlist.loop},
          {"cues", cues},
          {"warnings", playlist.warnings}};
}

}  // namespace hw
