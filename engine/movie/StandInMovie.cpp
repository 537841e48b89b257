#include "engine/movie/StandInMovie.h"

#include <algorithm>
#include <cmath>

#include "hwshow/MovieCueTiming.h"
#include "hwshow/ShowPaths.h"

namespace hw {
namespace {

// `size` scaled down to at most kStandInMoviePixels, sides even (4:2:0) and at least 2.
Size drawnSize(Size size) {
  double scale = std::min(1.0, std::sqrt(static_cast<double>(kStandInMoviePixels) /
                                         (static_cast<double>(size.w) * size.h)));
  auto even = [&](int side) { return std::max(2, static_cast<int>(side * scale) / 2 * 2); };
  return {even(size.w), even(size.h)};
}

}  // namespace

MovieFacts standInMovieFacts(const MediaRef& media, const Cue& cue) {
  MovieFacts facts;
  facts.rate = media.movie.rate.known() ? media.movie.rate : kStandInMovieRate;
  double seconds = cue.durationFromMovies ? kStandInMovieSeconds
                                          : std::min(cue.durationSeconds, kStandInMovieSeconds);
  facts.frames = std::max<std::int64_t>(1, std::llround(seconds * facts.rate.num / facts.rate.den));
  return facts;
}

StandInMovie standInMovieOf(const MediaRef& media) {
  StandInMovie standIn;
  standIn.fileName = uriFileName(media.uri);
  standIn.size = {media.width, media.height};
  standIn.drawn = drawnSize(standIn.size);
  standIn.facts = media.movie;
  return standIn;
}

std::string StandInMovie::cacheName() const {
  std::string rate = frameRateText(facts.rate);
  std::replace(rate.begin(), rate.end(), '/', '_');
  return fileName + "-" + std::to_string(size.w) + "x" + std::to_string(size.h) + "-" + rate +
         "fps-" + std::to_string(facts.frames) + "f.mp4";
}

std::string StandInMovie::detail() const {
  std::string text = "movie " + std::to_string(size.w) + " x " + std::to_string(size.h) + " px, " +
                     frameRateText(facts.rate) + " fps";
  if (drawn != size)
    text += "; this stand-in " + std::to_string(drawn.w) + " x " + std::to_string(drawn.h);
  return text;
}

}  // namespace hw
