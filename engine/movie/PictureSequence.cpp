#include "engine/movie/PictureSequence.h"

#include <algorithm>

#include "engine/movie/FrameSequence.h"
#include "engine/movie/MovieFile.h"
#include "engine/movie/MovieProbe.h"
#include "hwshow/ShowPaths.h"
#include "tiler/MediaError.h"

namespace hw {

std::unique_ptr<PictureSequence> openPictureSequence(const MediaRef& media,
                                                     const LocalMirror& mirror, int threads) {
  if (media.isFrameSequence()) {
    if (media.frames.empty()) throw MediaError(uriFileName(media.uri), "its frames are not listed");
    // A node plays a sequence once the master's copies of all its frames are here, as a movie
    // once its file is; till then its cue shows the background.
    if (std::any_of(media.frames.begin(), media.frames.end(), isAssetReference))
      throw MediaError(uriFileName(media.uri), "its frames are still being fetched");
    return std::make_unique<FrameSequence>(localFrameFiles(media, mirror), media.movie.rate,
                                           Size{media.width, media.height}, uriFileName(media.uri));
  }
  std::string path = localMovieFile(media, mirror);
  if (path.empty()) throw MediaError(media.uri, "not on this machine");
  return std::make_unique<MovieFile>(path, threads);
}

}  // namespace hw
