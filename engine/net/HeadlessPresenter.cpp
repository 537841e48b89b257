#include "engine/net/HeadlessPresenter.h"

#include <iostream>

namespace hw {

HeadlessPresenter::HeadlessPresenter(std::string nodeId, bool verbose)
    : nodeId_(std::move(nodeId)), verbose_(verbose) {}

void HeadlessPresenter::prepare(const Playlist&, int) {}

void HeadlessPresenter::present(int cue) {
  lastStandby_.clear();
  if (verbose_) std::cerr << "node " << nodeId_ << ": presented cue " << cue << "\n";
}

void HeadlessPresenter::standby(const std::string& reason) {
  if (reason == lastStandby_) return;
  lastStandby_ = reason;
  std::cerr << "node " << nodeId_ << ": standby: " << reason << "\n";
}

}  // namespace hw
