#include "engine/render/MovieCuePlayback.h"

#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

#include "engine/movie/MovieFile.h"
#include "engine/movie/PictureSequence.h"
#include "tiler/MediaError.h"
#include "tiler/Placement.h"
#include "tiler/Resampler.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

// A file that ends up to this many frames before its stated length (a
// rounded duration) holds its last frame; further is a truncated file.
constexpr std::int64_t kEndSlackFrames = 2;

const MovieFacts& leadMovie(const Cue& cue) {
  for (const LayoutItem& item : cue.items)
    if (item.media.kind == MediaKind::Movie) return item.media.movie;
  throw std::logic_error("MovieCuePlayback: the cue has no movie");
}

// The layout's tile source, with the movie pictures of one instant.
class MovieFrameTiles : public CueTileSource {
 public:
  MovieFrameTiles(CueTileSource& tiles, const MovieFrames& frames)
      : tiles_(tiles), frames_(frames) {}
  Image tileFor(std::size_t cueIndex, const NodeConfig& node) override {
    return tiles_.movieTileFor(cueIndex, node, frames_);
  }

 private:
  CueTileSource& tiles_;
  const MovieFrames& frames_;
};

}  // namespace

RectI movieRegionShown(const LayoutItem& item, Size media, const WindowLayout& layout) {
  WallCanvas canvas(layout.wall());
  Placement placement = placeItem(item, media, canvas);
  RectI region;
  for (const NodeConfig& node : layout.displays())
    if (itemFallsOnDisplay(item, canvas, node.col, node.row))
      region = unite(region, mediaRectRead(placement, canvas.displayRect(node.col, node.row)));
  return region;
}

struct MovieCuePlayback::Movie {
  const MediaRef media;
  const LocalMirror& mirror;
  std::unique_ptr<PictureSequence> file;
  RectI region;  // movie px the layout's displays read; empty = all
  MovieClock clock{media.movie};
  std::shared_ptr<Image> current;     // the picture of currentFrame
  std::int64_t currentFrame = -1;     // -1 = none since opening or seeking
  std::int64_t position = 0;          // frame the file delivers next, about
  std::optional<MovieFrame> pending;  // decoded past the frame asked for: shown later
  // The next pass's start, decoded ahead on a second decoder (prerollNextPass):
  // at the wrap the decoders swap, so the first frames of a pass cost what any
  // frame costs instead of a seek, a flush and a refilled pipeline at once.
  std::unique_ptr<PictureSequence> nextPass;
  std::optional<MovieFrame> nextPassHead;  // its first picture, frame 0
  bool loopsInCue = false;                 // the cue lasts longer than one pass

  Movie(MediaRef ref, const LocalMirror& localMirror)
      : media(std::move(ref)),
        mirror(localMirror),
        file(openPictureSequence(media, mirror, playbackDecoderThreads())) {}

  void convertOnly(const RectI& shown) {
    region = shown;
    file->convertOnly(region);
  }

  // Whether the next pass's start waits decoded: only a movie the cue loops wants it.
  bool wantsPreroll() const { return loopsInCue && !nextPassHead; }

  void prerollNextPass() {
    if (!wantsPreroll()) return;
    if (nextPass) {
      nextPass->seekTo(0);
    } else {
      nextPass = openPictureSequence(media, mirror, playbackDecoderThreads());
      if (!region.empty()) nextPass->convertOnly(region);
    }
    nextPassHead = nextPass->next();
    if (!nextPassHead) throw MediaError(media.uri, "has no picture at its start");
    if (nextPassHead->frame < 0) nextPassHead->frame = 0;
  }

  // Decodes up to `target`: forward when it is close ahead, else from the
  // keyframe before it (a wrap to the next pass, a seek, a late join).
  void advanceTo(std::int64_t target) {
    if (target == currentFrame) return;
    std::int64_t seekDistance = std::max<std::int64_t>(8, std::llround(clock.facts().rate.fps()));
    if (target < position || target > position + seekDistance) {
      if (pending) file->recycle(std::move(pending->picture));
      pending.reset();
      currentFrame = -1;
      if (nextPassHead && target <= nextPassHead->frame) {
        std::swap(file, nextPass);  // the old decoder prerolls the pass after
        pending = std::exchange(nextPassHead, std::nullopt);
        position = pending->frame;
      } else {
        file->seekTo(target);
        position = target;
      }
    }
    for (;;) {
      std::optional<MovieFrame> next =
          pending ? std::exchange(pending, std::nullopt) : file->next();
      if (!next) {
        if (currentFrame >= 0 && target - currentFrame <= kEndSlackFrames) return;
        throw MediaError(media.uri, "ends after frame " + std::to_string(currentFrame + 1) +
                                        ", before frame " + std::to_string(target + 1) + " of " +
                                        std::to_string(clock.facts().frames));
      }
      if (next->frame < 0) next->frame = currentFrame + 1;  // a picture without a timestamp
      if (next->frame > target && currentFrame >= 0) {
        pending = std::move(next);  // a gap in the timestamps: the last picture covers it
        return;
      }
      if (next->picture.empty()) {
        // A frame the source could not make (a broken image in a sequence): the last one holds.
        if (!current) current = std::make_shared<Image>(file->size().w, file->size().h);
      } else {
        // The tiler let go of the picture it composed from: its memory takes the next one.
        if (current && current.use_count() == 1) file->recycle(std::move(*current));
        current = std::make_shared<Image>(std::move(next->picture));
      }
      currentFrame = next->frame;
      position = currentFrame + 1;
      if (currentFrame >= target) return;
    }
  }
};

MovieCuePlayback::MovieCuePlayback(const Playlist& playlist, int cue, const WindowLayout& layout,
                                   CueTileSource& tiles, const LocalMirror& mirror)
    : cue_(playlist.cues.at(cue)),
      cueIndex_(cue),
      layout_(layout),
      tiles_(tiles),
      mirror_(mirror),
      clock_(leadMovie(cue_)),
      worker_([this] { work(); }) {}

MovieCuePlayback::~MovieCuePlayback() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  worker_.join();
}

MovieCuePlayback::Composed MovieCuePlayback::compose(std::int64_t tick) {
  MovieFrames frames;
  double at = clock_.tickStart(tick);
  for (auto& movie : movies_) {
    std::int64_t frame = movie->clock.frameOfTick(movie->clock.tickAt(at));
    // Never ahead of the window for long enough to preroll in idle time: now, still before the
    // wrap.
    if (frame + static_cast<std::int64_t>(kQueued) >= movie->clock.facts().frames - 1)
      movie->prerollNextPass();
    movie->advanceTo(frame);
    frames[movie->media.uri] = movie->current;
  }
  MovieFrameTiles tiles(tiles_, frames);
  return {tick, layout_.compose(tiles, cueIndex_)};
}

void MovieCuePlayback::openMovies() {
  auto open = [&](const MediaRef& media) -> Movie& {
    movies_.push_back(std::make_unique<Movie>(media, mirror_));
    // Timed by facts the show states; a file that opens but was never probed cannot be.
    if (!media.movie.known()) throw MediaError(media.uri, "its length and frame rate are unknown");
    Movie& movie = *movies_.back();
    movie.loopsInCue = cue_.durationSeconds > media.movie.seconds() + 0.5 / media.movie.rate.fps();
    return movie;
  };
  // Displays with a movie of their own play it (a display's whole picture,
  // cut ahead of time, with the cue's timing); the others cut the source.
  bool sourceNeeded = false;
  for (const NodeConfig& display : layout_.displays()) {
    auto own = cue_.displayMovies.find(display.id);
    if (own == cue_.displayMovies.end()) {
      sourceNeeded = true;
      continue;
    }
    MediaRef media;
    media.kind = MediaKind::Movie;
    media.uri = own->second;
    media.movie = clock_.facts();
    open(media);
  }
  if (!sourceNeeded) return;
  for (const LayoutItem& item : cue_.items) {
    if (item.media.kind != MediaKind::Movie) continue;
    Movie& movie = open(item.media);
    movie.convertOnly(movieRegionShown(item, movie.file->size(), layout_));
  }
}

bool MovieCuePlayback::prerollWanted() const {
  return std::any_of(movies_.begin(), movies_.end(),
                     [](const auto& movie) { return movie->wantsPreroll(); });
}

void MovieCuePlayback::prerollNextPasses() {
  for (auto& movie : movies_) movie->prerollNextPass();
}

void MovieCuePlayback::work() {
  // SDL keeps an error buffer per thread that sets an error (SDL_image on a
  // broken frame) and frees it only for threads SDL started: free it here.
  struct SdlThreadState {
    ~SdlThreadState() { SDL_TLSCleanup(); }
  } sdlThreadState;
  try {
    openMovies();
    double composeSeconds = 0;  // s the last picture took to make
    for (;;) {
      std::int64_t tick = 0;
      {
        std::unique_lock lock(mutex_);
        if (!stopping_ && ready_.size() >= kQueued && prerollWanted()) {
          lock.unlock();  // ahead of the window: time to decode the next pass's start
          prerollNextPasses();
          continue;
        }
        changed_.wait(lock, [&] { return stopping_ || ready_.size() < kQueued; });
        if (stopping_) return;
        // Behind the window: aim where it will be once this picture is made,
        // or a slow node would chase the clock and never show a frame.
        if (nextTick_ < wanted_) nextTick_ = wanted_ + clock_.tickAt(composeSeconds) + 1;
        tick = nextTick_;
      }
      auto started = std::chrono::steady_clock::now();
      Composed composed = compose(tick);
      composeSeconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::lock_guard lock(mutex_);
      ++stats_.composed;
      if (composed.tick < wanted_) {
        ++stats_.dropped;  // its time passed while it was made
      } else if (composed.tick == nextTick_) {
        ready_.push_back(std::move(composed));
        stats_.queued = static_cast<int>(ready_.size());
        ++nextTick_;
      }
      changed_.notify_all();
    }
  } catch (const std::exception& error) {
    std::lock_guard lock(mutex_);
    error_ = error.what();
    changed_.notify_all();
  }
}

std::optional<std::vector<Image>> MovieCuePlayback::take(std::int64_t tick, bool wait,
                                                         bool holding) {
  std::unique_lock lock(mutex_);
  if (tick == stats_.tick) return std::nullopt;  // already on the screen
  bool skipped = tick < nextTick_ && (ready_.empty() || ready_.front().tick > tick);
  if (tick < wanted_ || tick > nextTick_ + static_cast<std::int64_t>(kQueued) ||
      ((wait || holding) && (tick > nextTick_ || skipped))) {
    // Back in time (a go-to or seek) or far ahead: what was decoded is no
    // use. A caller that waits gets exactly its tick, never one aimed past it.
    ready_.clear();
    nextTick_ = tick;
  }
  wanted_ = tick;
  changed_.notify_all();
  auto due = [&] {
    while (!ready_.empty() && ready_.front().tick < tick) {
      ready_.pop_front();
      ++stats_.dropped;
    }
    return !ready_.empty() && ready_.front().tick == tick;
  };
  if (wait) changed_.wait(lock, [&] { return due() || !error_.empty(); });
  bool ready = due();
  stats_.queued = static_cast<int>(ready_.size());
  changed_.notify_all();
  if (!ready) {
    if (tick != lateTick_) ++stats_.late;
    lateTick_ = tick;
    return std::nullopt;
  }
  std::vector<Image> pictures = std::move(ready_.front().pictures);
  ready_.pop_front();
  stats_.queued = static_cast<int>(ready_.size());
  stats_.tick = tick;
  stats_.frame = clock_.frameOfTick(tick);
  return pictures;
}

void MovieCuePlayback::recycle(std::vector<Image>&& pictures) {
  for (Image& picture : pictures) tiles_.recycle(std::move(picture));
  pictures.clear();
}

std::string MovieCuePlayback::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

MovieStats MovieCuePlayback::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace hw
