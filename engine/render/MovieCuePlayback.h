#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/movie/MovieClock.h"
#include "engine/render/CueTileSource.h"
#include "engine/render/WindowLayout.h"
#include "hwshow/LocalMirror.h"
#include "hwshow/Playlist.h"
#include "tiler/Image.h"

namespace hw {

// Counts a window's movie playback keeps for the operator.
struct MovieStats {
  std::int64_t tick = -1;    // frame interval last shown (MovieClock::tickAt); -1 = none yet
  std::int64_t frame = -1;   // frame of the cue's first movie last shown
  std::int64_t dropped = 0;  // frames decoded too late to be shown, or skipped to stay on time
  // frame intervals whose frame was not ready when first asked for (the last
  // one stayed up): once per interval however often a window or a headless
  // node asks, so windowed and headless nodes count alike
  std::int64_t late = 0;
  int queued = 0;             // frames decoded ahead, waiting for their time
  std::int64_t composed = 0;  // pictures the worker made (its decode rate, counted over time)
};

// The part of a `media`-sized movie item that the layout's displays draw
// from (movie px): the tiler reads nothing of its pictures outside it.
RectI movieRegionShown(const LayoutItem& item, Size media, const WindowLayout& layout);

// The moving pictures of one movie cue for one window. A worker thread
// decodes every movie of the cue ahead of the window's clock into a small
// queue of composed pictures (the layout's places, cut by the tiler exactly
// as a still cue), and the frame loop takes the one whose frame interval has
// come. A movie the cue loops has a second decoder that decodes the next
// pass's start while the queue is full (at the latest a queue's length before
// the wrap), and the two swap at the wrap, so loops cost no more than any frame. Asked for a frame
// far from what it decoded (a late join, a seek, a slow machine), it seeks to the keyframe before
// and decodes forward, and frames whose time has passed are dropped, never shown late.
class MovieCuePlayback {
 public:
  // Pictures held ahead: the worker waits when this many are ready.
  static constexpr std::size_t kQueued = 3;

  // Everything passed by reference must outlive this. `cue` must have a movie.
  MovieCuePlayback(const Playlist& playlist, int cue, const WindowLayout& layout,
                   CueTileSource& tiles, const LocalMirror& mirror);
  ~MovieCuePlayback();
  MovieCuePlayback(const MovieCuePlayback&) = delete;
  MovieCuePlayback& operator=(const MovieCuePlayback&) = delete;

  // The frame interval of the cue at `elapsed` s into it.
  std::int64_t tickAt(double elapsed) const { return clock_.tickAt(elapsed); }
  // s into the cue at which `tick` begins.
  double tickStart(std::int64_t tick) const { return clock_.tickStart(tick); }
  // The pictures for `tick` once decoded (the frames of earlier ticks are
  // dropped); nullopt while they are not ready. `wait` blocks until they are
  // (deterministic stepping only). Also tells the worker where the window is.
  // `holding`: the window stays on this tick (paused), so a tick the worker
  // skipped while it was behind is made after all.
  std::optional<std::vector<Image>> take(std::int64_t tick, bool wait, bool holding = false);

  // Pictures take() gave, once uploaded: the tiler reuses their memory.
  void recycle(std::vector<Image>&& pictures);

  // Why the cue's movies cannot play ("" while they can): its background shows.
  std::string error() const;
  MovieStats stats() const;

 private:
  struct Composed {
    std::int64_t tick = 0;
    std::vector<Image> pictures;  // one per layout place
  };
  struct Movie;  // one movie item's file and decoding position

  // The movies this window decodes (worker only): the displays' own, else the cue's.
  void openMovies();
  void work();
  Composed compose(std::int64_t tick);
  // Movies the cue loops whose next pass's start is not decoded yet (worker only).
  bool prerollWanted() const;
  void prerollNextPasses();

  const Cue& cue_;
  const int cueIndex_;
  const WindowLayout& layout_;
  CueTileSource& tiles_;
  const LocalMirror& mirror_;
  const MovieClock clock_;  // the cue's first movie: its frames are the cue's ticks
  std::vector<std::unique_ptr<Movie>> movies_;  // only the worker touches these

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Composed> ready_;  // in tick order, at most kQueued
  std::int64_t wanted_ = 0;     // tick the window is on
  std::int64_t nextTick_ = 0;   // tick the worker composes next
  std::int64_t lateTick_ = -1;  // tick last counted late
  std::string error_;
  MovieStats stats_;
  bool stopping_ = false;
  std::thread worker_;  // last member: starts once the rest exists
};

}  // namespace hw
