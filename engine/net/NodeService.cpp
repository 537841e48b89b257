#include "engine/net/NodeService.h"

#include <algorithm>
#include <climits>
#include <iostream>
#include <memory>
#include <optional>

#include "engine/cli/ExitStatus.h"
#include "engine/net/HeadlessMovie.h"
#include "engine/net/HostClock.h"
#include "engine/net/NodeRuntime.h"
#include "engine/net/NodeShowView.h"
#include "engine/net/PresentGuard.h"
#include "engine/net/PresentTrace.h"
#include "engine/net/ServiceNotifier.h"
#include "engine/net/TileFrames.h"
#include "hwshow/MovieCueTiming.h"

namespace hw {
namespace {

constexpr double kSpinSeconds = 0.0015;  // s before a change spent spinning, not sleeping
constexpr double kIdleWait = 0.05;       // s between looks when nothing is due
constexpr int kNothingShown = INT_MIN;
constexpr double kFrameRetrySeconds = 0.004;  // s between looks for a movie frame not yet decoded
// s after its instant a capture waits for the movie frame of that instant
// before the picture up answers it; the master waits 3 s for every answer.
constexpr double kLatestCaptureSeconds = 1.0;

// Sleeps until `target` on `clock` or until the view changes: coarse sleep
// to within kSpinSeconds, then spinning, because sleeps overshoot by far
// more than the skew we aim for. Returns false if woken by a change. The
// wait is a turn of the present loop: it keeps the watchdog fed.
bool waitUntil(const NodeClock& clock, double target, const SharedNodeFacts& view,
               std::uint64_t seen, ServiceNotifier& systemd) {
  for (;;) {
    systemd.loopTurned();
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
  PresentTrace trace(settings.presentTrace);  // first: a bad path fails before joining
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
  std::unique_ptr<HeadlessMovie> movie;  // the shown cue's movie, decoded as a windowed node does
  std::string movieError;                // logged once per failure
  double shownSince = 0;                 // master s the picture up went up, as scheduled
  // Answers capture requests with the picture up now (docs/protocol.md,
  // "capture"); a headless node draws pictures only with --frames.
  auto answer = [&](const std::vector<CaptureRequest>& due, const NodeFacts& view) {
    if (!frames || shown == kNothingShown) return;
    bool moving = overlay == "none" && movie && movie->cue() == shown &&
                  movie->show() == show.get() && movie->picture();
    for (const CaptureRequest& request : due)
      frames->capture(request.id, view, shown, shownSince, moving ? movie->picture() : nullptr,
                      moving ? movie->frame() : -1);
  };
  CaptureRequests& captures = node.captures();
  int status = kExitOk;
  ServiceNotifier systemd;
  systemd.ready();  // presenting, and knocking at the master until it welcomes us
  while (!stopRequested) {
    systemd.loopTurned();
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
      double now = view.estimate.toMaster(clock.now());
      answer(captures.takeBefore(now), view);
      overlay = view.overlay;
      presenter.setOverlay(overlay);
      shownSince = now;
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
      answer(captures.takeBefore(masterNow), view);
      presenter.present(position.cue);
      shown = position.cue;
      shownSince = masterNow;
      link.setPresenterFigures(shown, prepareSeconds);
      link.post({{"type", "presented"}, {"cue", shown}, {"scheduled", position.cueStart},
                 {"presented", view.estimate.toMaster(clock.now())}, {"late", true}});
      continue;
    }
    // A movie cue changes its picture at every frame interval, from the
    // master's clock alone: the frame of this instant once it is decoded.
    double nextMovieFrame = -1;  // master s; -1: no movie frame to wait for
    double movieElapsed = position.elapsed;  // s into the cue the movie's frame is chosen at
    if (shown >= 0 && hasMovie(show->cues[shown])) {
      if (!movie || movie->cue() != shown || movie->show() != show.get())
        movie = std::make_unique<HeadlessMovie>(show, shown, view.wall, view.node);
      // A frame changes once the master's clock is past its start beyond
      // the estimate's doubt; a paused frame is the same on every node.
      double guard = position.paused() ? 0 : presentGuard(view.estimate);
      movieElapsed = position.elapsed - guard;
      if (!movie->current(movieElapsed)) {
        // The picture up answers every instant before the next one's.
        double due = position.cueStart + movie->frameStartAt(movieElapsed);
        answer(captures.takeBefore(due), view);
        if (movie->showAt(movieElapsed, position.paused())) {
          shownSince = due;
          double presentedHost = monotonicSeconds();
          trace.write(presentedHost + view.masterEpoch, presentedHost, shown, movie->stats().tick);
          if (frames && overlay == "none")
            frames->movieShown(shown, masterNow, movie->frame(), movie->picture());
        }
      }
      link.setMovieFigures(shown, movie->stats());
      if (std::string error = movie->error(); error != movieError) {
        if (!error.empty())
          std::cerr << "node " << settings.nodeId << ": cue " << shown + 1
                    << " shows its background: " << error << "\n";
        link.setMediaError(shown, error);
        movieError = error;
      }
      if (movieError.empty() && !position.paused())
        nextMovieFrame = movie->current(movieElapsed)
                             ? position.cueStart + movie->nextFrameAt(movieElapsed) + guard
                             : masterNow + kFrameRetrySeconds;
      else if (movieError.empty() && !movie->current(movieElapsed))
        nextMovieFrame = masterNow + kFrameRetrySeconds;  // paused on a frame still decoding
    } else {
      movie.reset();
      movieError.clear();
    }
    // The display is up to date at masterNow (a movie's frame of this instant
    // is up, or it cannot come): its picture answers every instant up to now.
    // One still not up a while after its instant gets what is up.
    bool upToDate = !movie || !movieError.empty() || movie->current(movieElapsed);
    answer(captures.takeUpTo(upToDate ? masterNow : masterNow - kLatestCaptureSeconds), view);
    auto change = nextChange(view.state, *view.timeline, masterNow);
    if (nextMovieFrame >= 0 && (!change || nextMovieFrame < change->at - kIdleWait)) {
      shared.waitForChange(view.changes, std::clamp(nextMovieFrame - masterNow, 0.0, kIdleWait));
      continue;
    }
    std::optional<double> asked = frames ? captures.earliest() : std::nullopt;
    if (asked && (!change || *asked < change->at)) {
      shared.waitForChange(view.changes,
                           std::clamp(*asked - masterNow, kFrameRetrySeconds, kIdleWait));
      continue;
    }
    if (!change) {
      shared.waitForChange(view.changes, kIdleWait);
      continue;
    }
    prepare(change->cue);
    if (!waitUntil(clock, view.estimate.toLocal(change->at), shared, view.changes, systemd))
      continue;
    answer(captures.takeBefore(change->at), view);
    presenter.present(change->cue);
    shownSince = change->at;
    double presentedHost = monotonicSeconds();
    double presentedLocal = clock.now();
    shown = change->cue;
    link.setPresenterFigures(shown, prepareSeconds);
    nlohmann::json report{{"type", "presented"}, {"cue", shown}, {"scheduled", change->at},
                          {"presented", view.estimate.toMaster(presentedLocal)}, {"late", false}};
    if (settings.simulate) report["presented_true"] = presentedHost + view.masterEpoch;
    link.post(report);
  }
  systemd.stopping();
  return status;
}

}  // namespace hw
