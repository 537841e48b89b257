#include "engine/net/HeadlessPresenter.h"

#include <iostream>

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
  std::cerr << "node " << nodeId_ << ": presented cue " << cue;
  if (cue >= 0 && cue == preparedCue_) std::cerr << " \"" << preparedTitle_ << "\"";
  std::cerr << "\n";
}

void HeadlessPresenter::standby(const std::string& reason) {
  if (reason == lastStandby_) return;
  lastStandby_ = reason;
  std::cerr << "node " << nodeId_ << ": standby: " << reason << "\n";
}

void HeadlessPresenter::setOverlay(const std::string& overlay) {
  std::cerr << "node " << nodeId_ << ": overlay " << overlay << "\n";
}

}  // namespace hw
