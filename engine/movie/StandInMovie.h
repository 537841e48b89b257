#pragma once

#include <cstdint>
#include <string>

#include "hwshow/Playlist.h"
#include "tiler/Rect.h"

namespace hw {

// s of one pass of a stand-in movie: the cue's duration when it states a
// shorter one, else this (a longer cue loops it). Bounds the time to make it.
constexpr double kStandInMovieSeconds = 10.0;
// The stand-in's pictures hold at most this many pixels (a 720p frame's): a
// 1080p, 2048p or 8K movie's stand-in is drawn smaller, with the movie's
// shape, and the tiler scales it up like any movie, so making one costs
// seconds, not minutes, and its text still reads across a wall.
constexpr std::int64_t kStandInMoviePixels = 1280 * 720;
// The rate of a stand-in for a movie whose rate nothing states.
constexpr FrameRate kStandInMovieRate{30, 1};

// The facts a stand-in plays with for `media` (a movie of known size) in
// `cue`: the movie's rate (else kStandInMovieRate), and one pass of the cue's
// duration, at most kStandInMovieSeconds, at least one frame.
MovieFacts standInMovieFacts(const MediaRef& media, const Cue& cue);

// A stand-in movie as made and cached, from its media once probed (size and
// stand-in facts set): pure, so every process names the same file alike.
struct StandInMovie {
  std::string fileName;  // the movie it stands in for: "sun_2048p30.mp4"
  Size size;             // the movie's own pixels
  Size drawn;            // the stand-in's pixels: `size` within kStandInMoviePixels, even sides
  MovieFacts facts;      // rate and frames of one pass
  // Its file in <cache>/standins: name, size, rate and length, all of which
  // change the pictures: "sun_2048p30.mp4-2048x2048-30fps-300f.mp4".
  std::string cacheName() const;
  // What its card says under the title: "movie 2048 x 2048 px, 30 fps; this
  // stand-in 960 x 960".
  std::string detail() const;
};

StandInMovie standInMovieOf(const MediaRef& media);

}  // namespace hw
