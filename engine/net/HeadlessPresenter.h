#pragma once

#include <string>

#include "engine/net/Presenter.h"

namespace hw {

// A presenter with no display: it "presents" the instant it is asked and
// says so on stderr. The sync benchmark runs 64 nodes on two cores; 64 SDL
// windows there would measure the renderer's CPU contention, not the clock
// and schedule this layer is responsible for (docs/performance.md, Sync).
class HeadlessPresenter : public Presenter {
 public:
  explicit HeadlessPresenter(std::string nodeId, bool verbose);

  void prepare(const Playlist& playlist, int cue) override;
  void present(int cue) override;
  void standby(const std::string& reason) override;
  void setOverlay(const std::string& overlay) override;

 private:
  std::string nodeId_;
  bool verbose_;              // true: one stderr line per present
  std::string lastStandby_;   // printed once per reason
  int preparedCue_ = -1;      // the cue prepare() was last given
  std::string preparedTitle_;  // its title, so the verbose line names the show's cue
};

}  // namespace hw
