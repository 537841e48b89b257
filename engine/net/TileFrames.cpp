#include "engine/net/TileFrames.h"

#include <memory>

#include "engine/net/NodeShowView.h"
#include "engine/render/SolidTiles.h"
#include "engine/render/TestPattern.h"
#include "tiler/CueTiler.h"
#include "tiler/MediaSource.h"

namespace hw {
namespace {

// Decoded files kept for re-renders: less than the Player keeps, which has the same files.
MediaSourceOptions reportMediaOptions() {
  MediaSourceOptions options = MediaSourceOptions::defaults();
  options.cacheBytes = std::size_t{48} << 20;
  return options;
}

// Everything a render needs, owned by the render (it runs on the reporter's thread).
struct TileJob {
  WallConfig wall;
  NodeConfig node;
  std::shared_ptr<const Playlist> show;  // media URIs local where fetched
  std::shared_ptr<MediaSource> media;    // decoded files, kept between renders
  int cue;
  std::string overlay;
  TileFrames::MediaErrors mediaErrors;

  Image operator()() const {
    if (overlay == "pattern") {
      mediaErrors(cue, "");
      TextPainter text;
      return testPatternTile(wall, node, text);
    }
    if (overlay == "blank" || cue < 0 || cue >= static_cast<int>(show->cues.size())) {
      mediaErrors(cue, "");
      return SolidTiles(wall, Color{}).tileFor(0, node);
    }
    const Cue& shown = show->cues[cue];
    try {
      Image tile = CueTiler(wall, *media).renderTile(shown, node);
      mediaErrors(cue, "");
      return tile;
    } catch (const std::exception& e) {
      mediaErrors(cue, e.what());
      return SolidTiles(wall, shown.background)
          .tileFor(0, node);  // as the nodes do when media fails
    }
  }
};

}  // namespace

TileFrames::TileFrames(std::string nodeId, const SharedNodeFacts& facts, const NodeClock& clock,
                       const AssetCache& cache, const AssetPrefetcher& prefetcher,
                       NodeFrameReporter::Send send, MediaErrors mediaErrors)
    : facts_(facts),
      clock_(clock),
      cache_(cache),
      prefetcher_(prefetcher),
      media_(std::make_shared<MediaSource>(reportMediaOptions())),
      mediaErrors_(std::move(mediaErrors)),
      reporter_(std::move(nodeId), std::move(send)),
      thread_([this] { run(); }) {}

TileFrames::~TileFrames() {
  stopping_ = true;
  thread_.join();
}

void TileFrames::run() {
  std::shared_ptr<const Playlist> reportedShow;  // held, so a new show never reuses its address
  std::string reported;  // cue, overlay and files fetched at the last submission
  std::uint64_t seen = 0;
  while (!stopping_) {
    facts_.waitForChange(seen, kLookSeconds);
    NodeFacts view = facts_.snapshot();
    seen = view.changes;
    if (!view.welcomed || !view.show || !view.timeline || !view.estimate.synced) continue;
    double now = view.estimate.toMaster(clock_.now());
    int cue = positionAt(view.state, *view.timeline, now).cue;
    int done = prefetcher_.progress().done;
    std::string showing = std::to_string(cue) + "/" + view.overlay + "/" + std::to_string(done);
    if (view.show == reportedShow && showing == reported) continue;
    reportedShow = view.show;
    reported = showing;
    reporter_.submit(cue, now,
                     TileJob{view.wall, view.node, localShow(view, cache_), media_, cue,
                             view.overlay, mediaErrors_});
  }
}

void TileFrames::movieShown(int cue, double at, std::int64_t movieFrame,
                            std::shared_ptr<const Image> picture) {
  reporter_.submit(cue, at, [picture] { return *picture; }, movieFrame);
}

void TileFrames::capture(std::uint64_t id, const NodeFacts& view, int cue, double at,
                         std::shared_ptr<const Image> moviePicture, std::int64_t movieFrame) {
  if (moviePicture) {
    reporter_.capture(
        id, cue, at, [moviePicture] { return *moviePicture; }, movieFrame);
    return;
  }
  reporter_.capture(id, cue, at,
                    TileJob{view.wall, view.node, localShow(view, cache_), media_, cue,
                            view.overlay, mediaErrors_},
                    -1);
}

}  // namespace hw
