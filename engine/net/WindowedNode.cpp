#include "engine/net/WindowedNode.h"

#include <SDL.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>

#include "engine/cli/ExitStatus.h"
#include "engine/net/CaptureRequests.h"
#include "engine/net/FrameReport.h"
#include "engine/net/LogLine.h"
#include "engine/net/MasterClockView.h"
#include "engine/net/NodeCards.h"
#include "engine/net/NodeFrameReporter.h"
#include "engine/net/NodeRuntime.h"
#include "engine/net/NodeShowView.h"
#include "engine/net/ServiceNotifier.h"
#include "engine/render/CueTilerSource.h"
#include "engine/render/DisplayPower.h"
#include "engine/render/NodeWindowLayout.h"
#include "engine/render/PanelCardView.h"
#include "engine/render/Player.h"
#include "engine/render/SolidTiles.h"
#include "engine/render/TestPattern.h"
#include "engine/render/TestPatternTiles.h"
#include "engine/render/ThumbnailingTileSource.h"
#include "tiler/MediaSource.h"
#include "tiler/TextPainter.h"

namespace hw {
namespace {

constexpr Size kStandbySize{1280, 720};  // pixels of the window before the wall is known
constexpr int kFrameMs = 16;             // pacing where the renderer has no vsync
constexpr int kCardReportWidth = 640;    // pixels across the identify card a frame report carries

// Everything the Player draws with, for one show on one wall; rebuilt when
// either changes. Torn down by clear(), the player first.
struct ShowPipeline {
  std::shared_ptr<const Playlist> show;  // media URIs: cache paths where fetched
  std::unique_ptr<NodeWindowLayout> layout;
  std::unique_ptr<MediaSource> media;
  std::unique_ptr<CueTiler> tiler;
  std::unique_ptr<CueTilerSource> tiles;
  std::unique_ptr<ThumbnailingTileSource> reported;  // the Player's tiles, small copies kept
  std::unique_ptr<PlaybackSchedule> schedule;
  std::unique_ptr<Player> player;
};

// Releases in reverse order of building: each part refers to the ones before.
void clear(ShowPipeline& pipe) {
  pipe.player.reset();
  pipe.schedule.reset();
  pipe.reported.reset();
  pipe.tiles.reset();
  pipe.tiler.reset();
  pipe.media.reset();
  pipe.layout.reset();
  pipe.show.reset();
}

// What the display shows, for a frame report: the identify card over all,
// the Player's own tile of its cue (the small copy made while preparing it),
// the test pattern, black when blanked or stopped, or the cue's background
// when its media failed.
NodeFrameReporter::Render shownPicture(const ShowPipeline& pipe, const NodeFacts& view, int cue,
                                       const std::optional<PanelCard>& card) {
  if (card)
    return [card = *card, wall = view.wall] {
      TextPainter text;
      Size size{wall.displayWidth, wall.displayHeight};
      double scale = std::min(1.0, static_cast<double>(kCardReportWidth) / size.w);
      return drawPanelCard(
          card, {static_cast<int>(size.w * scale), static_cast<int>(size.h * scale)}, text);
    };
  if (view.overlay == "pattern")
    return [wall = view.wall, node = view.node] {
      TextPainter text;
      return testPatternTile(wall, node, text);
    };
  bool plainOnly = view.overlay == "blank" || cue < 0;
  Image tile = plainOnly ? Image{} : pipe.reported->thumbnail(static_cast<std::size_t>(cue));
  Color plain = plainOnly ? Color{} : pipe.show->cues[static_cast<std::size_t>(cue)].background;
  return [tile = std::move(tile), plain, wall = view.wall, node = view.node] {
    return tile.empty() ? SolidTiles(wall, plain).tileFor(0, node) : tile;
  };
}

// The picture on the window since a draw, for the master's captures.
struct ShownPicture {
  bool up = false;               // false: standby, or nothing drawn by this pipeline yet
  int cue = -1;                  // cue drawn (-1: none)
  std::string overlay;           // over it
  std::int64_t movieTick = -1;   // frame interval of its movie drawn (-1: a still)
  std::int64_t movieFrame = -1;  // the movie frame in it
  double since = 0;              // master s of the draw that put it up
};

}  // namespace

int runWindowedNode(const NodeSettings& settings, const WindowSeat& seat,
                    const std::atomic<bool>& stopRequested) {
  NodeRuntime node(settings);
  SharedNodeFacts& shared = node.facts();
  NodeLink& link = node.link();
  NodeFrameReporter frames(settings.nodeId, [&link](nlohmann::json m) { link.post(std::move(m)); });

  TextPainter text;
  std::unique_ptr<RenderWindow> window;
  std::unique_ptr<PanelCardView> card;
  auto open = [&](Size size) {
    card.reset();
    window.reset();
    WindowSettings w;
    w.title = "hyperwall node " + settings.nodeId;
    w.size = size;
    w.fullscreen = !seat.windowed;
    w.display = seat.display;
    window = std::make_unique<RenderWindow>(w);
    card = std::make_unique<PanelCardView>(text);
  };
  open(kStandbySize);
  logLine("node " + settings.nodeId, "window on " + window->description());
  DisplayPower power(
      [&settings](const std::string& line) { logLine("node " + settings.nodeId, line); });

  node.start();
  ServiceNotifier systemd;
  systemd.ready();  // the window is up and the node knocks at the master
  MasterClockView masterClock(node.clock());
  ShowPipeline pipe;
  const Playlist* source = nullptr;  // the welcome's show the pipeline was built from
  int builtDone = -1;                // files in the cache when it was built
  std::uint64_t stateSequence = 0;
  double reportedUntil = -1;  // master s of the latest present reported
  int builds = 0;             // pipelines built, so a rebuilt one is reported afresh
  std::string framed;         // pipeline, cue and overlay of the last frame report
  CaptureRequests& captures = node.captures();
  ShownPicture shown;
  // Answers capture requests with the picture up since the last draw; a
  // movie frame from the Player's pictures of it (none yet: asked again at
  // the next draw, whose picture then answers).
  std::optional<PanelCard> shownCard;  // the identify card over the picture up, when it is
  auto answer = [&](const std::vector<CaptureRequest>& due, const NodeFacts& view) {
    if (due.empty() || !shown.up) return;
    bool moving = shown.movieTick >= 0 && shown.overlay == "none" && shown.cue >= 0;
    std::shared_ptr<const Image> picture = moving ? pipe.player->movieFrameShown() : nullptr;
    if (moving && !picture) {
      for (const CaptureRequest& request : due) captures.add(request);
      return;
    }
    for (const CaptureRequest& request : due) {
      if (picture)
        frames.capture(
            request.id, shown.cue, shown.since, [picture] { return *picture; }, shown.movieFrame);
      else
        frames.capture(request.id, shown.cue, shown.since,
                       shownPicture(pipe, view, shown.cue, shownCard), -1);
    }
  };
  int exitStatus = kExitOk;
  bool quit = false;
  while (!stopRequested && !quit) {
    systemd.loopTurned();
    SDL_Event event;
    while (SDL_PollEvent(&event))
      if (event.type == SDL_QUIT) quit = true;
    NodeFacts view = shared.snapshot();
    if (!view.refusal.empty()) {
      std::cerr << "hyperwall: " << view.refusal << "\n";
      exitStatus = kExitFailure;
      break;
    }
    std::string reason = standbyReason(view, settings);
    masterClock.setEstimate(view.estimate);
    std::optional<PanelCard> identify;
    if (identifying(view, masterClock.now())) identify = identifyCard(view, settings);
    // Off while blanked (the wall closed); on for a card, so it is seen.
    power.set(!reason.empty() || identify || view.overlay != "blank");
    if (!reason.empty()) {
      clear(pipe);  // never a frozen frame of a show we lost
      source = nullptr;
      shown.up = false;
      card->draw(*window, identify ? *identify : standbyCard(view, settings, reason));
      window->present();
      link.setPresenterFigures(-1, 0);
      link.setMediaError(-1, "");
      shared.waitForChange(view.changes, 0.05);
      continue;
    }
    int done = node.prefetcher().progress().done;
    if (!pipe.player || view.show.get() != source || done != builtDone) {
      clear(pipe);
      shown.up = false;
      source = view.show.get();
      builtDone = done;
      pipe.show = localShow(view, node.cache());
      pipe.layout = std::make_unique<NodeWindowLayout>(view.wall, view.node);
      Size size = pipe.layout->windowSize();
      if (window->size().w != size.w || window->size().h != size.h) open(size);
      pipe.media = std::make_unique<MediaSource>();
      pipe.tiler = std::make_unique<CueTiler>(view.wall, *pipe.media);
      pipe.tiles = std::make_unique<CueTilerSource>(*pipe.show, *pipe.tiler);
      pipe.reported = std::make_unique<ThumbnailingTileSource>(*pipe.tiles, kFrameSide);
      ++builds;
      pipe.schedule = std::make_unique<PlaybackSchedule>(*view.timeline, view.state.base);
      pipe.schedule->replace(view.state.base, view.state.pending);
      stateSequence = view.state.sequence;
      // The Player composes the pattern once, here, for the master's "pattern" overlay.
      TestPatternTiles pattern(view.wall, text);
      PlayerSettings playerSettings;
      playerSettings.testPattern = &pattern;
      pipe.player =
          std::make_unique<Player>(*window, masterClock, *pipe.schedule, *pipe.show, *pipe.reported,
                                   *pipe.layout, playerSettings, std::cerr);
    }
    if (view.state.sequence != stateSequence) {
      pipe.schedule->replace(view.state.base, view.state.pending);
      stateSequence = view.state.sequence;
    }
    // The picture up answers every instant before this draw's.
    double drawAt = masterClock.now();
    answer(captures.takeBefore(drawAt), view);
    pipe.player->showTestPattern(view.overlay == "pattern");
    PlayerFrame frame = pipe.player->draw();

    // Blank keeps the show running underneath, so unblanking lands on the right cue.
    if (view.overlay == "blank") window->clear({0, 0, 0});
    if (identify) card->draw(*window, *identify);
    pipe.player->present();
    // What is over the show, as captures and frame reports tell it.
    std::string over = identify ? "identify" : view.overlay;
    if (!shown.up || shown.cue != frame.position.cue || shown.overlay != over ||
        shown.movieTick != frame.movie.tick) {
      shown = {true, frame.position.cue, over, frame.movie.tick, frame.movie.frame, drawAt};
      shownCard = identify;
    }
    link.setPresenterFigures(frame.position.cue, 0);
    link.setMediaError(frame.position.cue, view.overlay == "none" ? frame.mediaError : "");
    link.setMovieFigures(frame.position.cue, frame.movie);
    // Reported once the Player has the cue's pixels; the reporter resends it while unchanged.
    std::string showing =
        std::to_string(builds) + "/" + std::to_string(frame.position.cue) + "/" + over;
    if (showing != framed && (frame.complete || frame.position.cue < 0 || over != "none")) {
      framed = showing;
      frames.submit(frame.position.cue, masterClock.now(),
                    shownPicture(pipe, view, frame.position.cue, identify));
    }
    for (const CuePresentation& p : pipe.player->presentLog().entries()) {
      if (p.presentedAt <= reportedUntil) continue;
      reportedUntil = p.presentedAt;
      PlaybackPosition at = positionAt(view.state, *view.timeline, p.presentedAt);
      // The first picture after (re)joining is a catch-up, not a scheduled change.
      bool late = p.presentedAt - at.cueStart > 0.1;
      link.post({{"type", "presented"}, {"cue", p.cue}, {"scheduled", at.cueStart},
                 {"presented", p.presentedAt}, {"late", late}});
    }
    if (!window->vsync()) SDL_WaitEventTimeout(nullptr, kFrameMs);
  }
  systemd.stopping();
  clear(pipe);
  return exitStatus;
}

}  // namespace hw
