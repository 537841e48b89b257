#include "engine/net/HeadlessPresenter.h"

#include "engine/net/LogLine.h"

namespace hw {

HeadlessPresenter::HeadlessPresenter(std::string nodeId, bool verbose)
    : nodeId_(std::move(nodeId)), verbose_(verbose) {}

void HeadlessPresenter::prepare(const Playlist& playlist, int cue) {
  preparedCue_ = cue;
  preparedTitle_ =
      cue >= 0 && cue < static_cast<int>(playlist.cues.size()) ? playlist.cues[cue].title : "";
}

void HeadlessPresenter::present(int cue) {
  lastStandby_.clear();
  if (!verbose_) return;
  // Numbered from 1, as the control API and operators number cues.
  std::string line = cue >= 0 ? "presented cue " + std::to_string(cue + 1) : "presented no cue";
  if (cue >= 0 && cue == preparedCue_) line += " \"" + preparedTitle_ + "\"";
  logLine("node " + nodeId_, line);
}

void HeadlessPresenter::standby(const std::string& reason) {
  if (reason == lastStandby_) return;
  lastStandby_ = reason;
  logLine("node " + nodeId_, "standby: " + reason);
}

void HeadlessPresenter::setOverlay(const std::string& overlay) {
  logLine("node " + nodeId_, "overlay " + overlay);
}

}  // namespace hw
