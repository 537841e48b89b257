#include "engine/movie/MovieStill.h"

#include <algorithm>
#include <cmath>

#include "engine/movie/MovieFile.h"
#include "engine/movie/PictureSequence.h"
#include "hwshow/ShowPaths.h"
#include "tiler/MediaError.h"

namespace hw {

std::shared_ptr<const Image> movieStill(const std::string& path) {
  MovieFile file(path, 1);
  return movieStill(file, path);
}

std::shared_ptr<const Image> movieStill(PictureSequence& file, const std::string& name) {
  std::int64_t target = std::llround(file.facts().rate.fps() * kMovieStillSeconds);
  if (file.facts().frames > 0) target = std::min(target, file.facts().frames - 1);
  std::shared_ptr<const Image> still;
  std::int64_t decoded = 0;  // pictures so far: the frame number of one without a timestamp
  while (std::optional<MovieFrame> next = file.next()) {
    std::int64_t frame = next->frame >= 0 ? next->frame : decoded;
    ++decoded;
    if (still && frame > target) break;  // a gap in the timestamps: the last picture covers it
    if (!next->picture.empty()) still = std::make_shared<const Image>(std::move(next->picture));
    if (frame >= target) break;
  }
  if (!still) throw MediaError(name, "holds no picture");
  return still;
}

MovieFrames movieStillsOf(const Cue& cue, const LocalMirror& mirror) {
  MovieFrames stills;
  for (const LayoutItem& item : cue.items) {
    if (item.media.kind != MediaKind::Movie || stills.count(item.media.uri)) continue;
    try {
      stills[item.media.uri] =
          movieStill(*openPictureSequence(item.media, mirror, 1), uriFileName(item.media.uri));
    } catch (const MediaError&) {
      // The background shows in its place, as on the wall when a movie fails.
    }
  }
  return stills;
}

}  // namespace hw
