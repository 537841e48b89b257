#include "engine/movie/MovieProbe.h"

#include <filesystem>

#include "engine/movie/MovieFile.h"
#include "hwshow/FrameFolder.h"
#include "hwshow/HttpUrl.h"
#include "hwshow/ImageHeaderSize.h"
#include "hwshow/MovieCueTiming.h"
#include "hwshow/ShowLoader.h"
#include "hwshow/ShowPaths.h"
#include "tiler/MediaError.h"

namespace hw {

std::string localMovieFile(const MediaRef& media, const LocalMirror& mirror) {
  std::string path = media.uri;
  if (isHttpUrl(media.uri)) path = mirror.mediaPath(media.uri).value_or("");
  if (path.empty() || isAssetReference(path)) return "";
  std::error_code error;
  return std::filesystem::is_regular_file(path, error) ? path : "";
}

std::vector<std::string> localFrameFiles(const MediaRef& media, const LocalMirror& mirror) {
  std::vector<std::string> files;
  for (const std::string& frame : media.frames)
    files.push_back(isHttpUrl(frame) ? mirror.mediaPath(frame).value_or(frame) : frame);
  return files;
}

namespace {

// A frame sequence's frames from its folder's cached listing, size from its
// first frame here; "" when it can play, else why not.
std::string probeFrameSequence(MediaRef& media, const LocalMirror& mirror) {
  if (media.frames.empty() && isHttpUrl(media.uri))
    media.frames = framesInCachedListing(media.uri, mirror);
  if (media.frames.empty()) return "frames not fetched: no listing of " + uriFileName(media.uri);
  if (!media.movie.rate.known())
    return "frames " + uriFileName(media.uri) + ": frame rate unknown (give \"fps\")";
  media.movie.frames = static_cast<std::int64_t>(media.frames.size());
  // The frames' own size wins over what a folder name says.
  for (const std::string& file : localFrameFiles(media, mirror))
    if (Size size = imageSizeFromHeader(file); size.w > 0) {
      media.width = size.w;
      media.height = size.h;
      break;
    }
  return "";
}

}  // namespace

void probeMovies(Playlist& playlist, const LocalMirror& mirror) {
  for (std::size_t i = 0; i < playlist.cues.size(); ++i) {
    Cue& cue = playlist.cues[i];
    if (!cue.playable) continue;
    for (LayoutItem& item : cue.items) {
      MediaRef& media = item.media;
      if (media.kind != MediaKind::Movie || media.movie.known() || isAssetReference(media.uri))
        continue;
      if (media.isFrameSequence()) {
        cue.skipReason = probeFrameSequence(media, mirror);
        cue.playable = cue.skipReason.empty();
        if (!cue.playable) break;
        continue;
      }
      std::string file = localMovieFile(media, mirror);
      if (file.empty()) {
        cue.playable = false;
        cue.skipReason = "movie not downloaded: " + uriFileName(media.uri);
        break;
      }
      try {
        MovieFile movie(file, 1);
        media.movie = movie.facts();
        media.width = movie.size().w;
        media.height = movie.size().h;
      } catch (const MediaError& error) {
        playlist.warnings.push_back("cue " + std::to_string(i + 1) +
                                    " will show its background: " + error.what());
      }
    }
    settleMovieCueDuration(cue);
  }
  requireSomethingToShow(playlist);
}

}  // namespace hw
