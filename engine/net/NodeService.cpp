#include "engine/net/NodeService.h"

#include <climits>
#include <iostream>
#include <optional>

#include "engine/cli/ExitStatus.h"
#include "engine/net/HostClock.h"
#include "engine/net/NodeRuntime.h"
#include "engine/net/NodeShowView.h"
#include "engine/net/TileFrames.h"

namespace hw {
namespace {

constexpr double kSpinSeconds = 0.0015;  // s before a change spent spinning, not sleeping
constexpr double kIdleWait = 0.05;       // s between looks when nothing is due
constexpr int kNothingShown = INT_MIN;

// Sleeps until `target` on `clock` or until the view changes: coarse sleep
// to within kSpinSeconds, then spinning, because sleeps overshoot by far
// more than the skew we aim for. Returns false if woken by a change.
bool waitUntil(const NodeClock& clock, double target, const SharedNodeFacts& view,
               std::uint64_t seen) {
  for (;;) {
    double remaining = target - clock.now();
    if (remaining <= kSpinSeconds) break;
    view.waitForChange(seen, std::min(remaining - kSpinSeconds, kIdleWait));
    if (view.snapshot().changes != seen) return false;
  }
  while (clock.now() < target) {
  }
  return true;
}

}  // namespace

int runNode(const NodeSettings& settings, Presenter& presenter, const std::atomic<bool>& stopRequested) {
  NodeRuntime node(settings);
  node.start();
  const NodeClock& clock = node.clock();
  SharedNodeFacts& shared = node.facts();
  NodeLink& link = node.link();
  std::optional<TileFrames> frames;  // --frames: this node's tile reported to the master
  if (settings.frames)
    frames.emplace(
        settings.nodeId, shared, clock, node.cache(), node.prefetcher(),
        [&link](nlohmann::json m) { link.post(std::move(m)); },
        [&link, id = settings.nodeId, logged = std::string()](int cue, std::string reason) mutable {
          // Once per failure, as the windowed node's Player does.
          if (!reason.empty() && reason != logged)
            std::cerr << "node " << id << ": cue " << cue + 1 << " shows its background: " << reason
                      << "\n";
          logged = reason;
          link.setMediaError(cue, std::move(reason));
        });

  int shown = kNothingShown;
  double prepareSeconds = 0;
  int preparedCue = kNothingShown;
  int preparedDone = -1;          // files in the cache when it was built
  std::shared_ptr<const Playlist> show;  // media URIs: cache paths where fetched
  const Playlist* source = nullptr;      // the master's show `show` was made from
  std::string overlay = "none";
  int status = kExitOk;
  while (!stopRequested) {
    NodeFacts view = shared.snapshot();
    if (!view.refusal.empty()) {
      std::cerr << "hyperwall: " << view.refusal << "\n";
      presenter.standby(view.refusal);
      status = kExitFailure;
      break;
    }
    std::string reason = standbyReason(view, settings);
    if (!reason.empty()) {
      presenter.standby(reason);
      shown = kNothingShown;
      link.setPresenterFigures(-1, prepareSeconds);
      shared.waitForChange(view.changes, kIdleWait);
      continue;
    }
    if (view.overlay != overlay) {
      overlay = view.overlay;
      presenter.setOverlay(overlay);
    }
    int done = node.prefetcher().progress().done;
    if (!show || view.show.get() != source || done != preparedDone) {
      // Another show: its cue numbers are not the old one's, so present afresh.
      if (view.show.get() != source) shown = kNothingShown;
      source = view.show.get();
      show = localShow(view, node.cache());
      preparedDone = done;
      preparedCue = kNothingShown;
    }
    auto prepare = [&](int cue) {
      if (cue < 0 || cue == preparedCue) return;
      double started = monotonicSeconds();
      presenter.prepare(*show, cue);
      prepareSeconds = std::max(prepareSeconds * 0.9, monotonicSeconds() - started);
      preparedCue = cue;
    };

    double masterNow = view.estimate.toMaster(clock.now());
    PlaybackPosition position = positionAt(view.state, *view.timeline, masterNow);
    if (position.cue != shown) {
      // Joined late or missed a change: catch up at once, reported as late.
      prepare(position.cue);
      presenter.present(position.cue);
      shown = position.cue;
      link.setPresenterFigures(shown, prepareSeconds);
      link.post({{"type", "presented"}, {"cue", shown}, {"scheduled", position.cueStart},
                 {"presented", view.estimate.toMaster(clock.now())}, {"late", true}});
      continue;
    }
    auto change = nextChange(view.state, *view.timeline, masterNow);
    if (!change) {
      shared.waitForChange(view.changes, kIdleWait);
      continue;
    }
    prepare(change->cue);
    if (!waitUntil(clock, view.estimate.toLocal(change->at), shared, view.changes)) continue;
    presenter.present(change->cue);
    double presentedHost = monotonicSeconds();
    double presentedLocal = clock.now();
    shown = change->cue;
    link.setPresenterFigures(shown, prepareSeconds);
    nlohmann::json report{{"type", "presented"}, {"cue", shown}, {"scheduled", change->at},
                          {"presented", view.estimate.toMaster(presentedLocal)}, {"late", false}};
    if (settings.simulate) report["presented_true"] = presentedHost + view.masterEpoch;
    link.post(report);
  }
  return status;
}

}  // namespace hw
