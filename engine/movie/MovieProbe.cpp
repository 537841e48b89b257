#include "engine/movie/MovieProbe.h"

#include <filesystem>

#include "engine/movie/MovieFile.h"
#include "engine/movie/StandInMovie.h"
#include "engine/movie/StandInMovieFile.h"
#include "hwshow/FrameFolder.h"
#include "hwshow/HttpUrl.h"
#include "hwshow/ImageHeaderSize.h"
#include "hwshow/MovieCueTiming.h"
#include "hwshow/ShowLoader.h"
#include "hwshow/ShowPaths.h"
#include "tiler/MediaError.h"
#include "tiler/StandInCard.h"

namespace hw {
namespace {

bool isFile(const std::string& path) {
  std::error_code error;
  return !path.empty() && std::filesystem::is_regular_file(path, error);
}

// The movie itself on this machine: its path or the mirror's copy of its URL.
std::string realMovieFile(const MediaRef& media, const LocalMirror& mirror) {
  std::string path = media.uri;
  if (isHttpUrl(media.uri)) path = mirror.mediaPath(media.uri).value_or("");
  if (path.empty() || isAssetReference(path)) return "";
  return isFile(path) ? path : "";
}

bool canStandIn(const MediaRef& media) {
  return !media.isFrameSequence() && isHttpUrl(media.uri) && media.width > 0 &&
         media.height > 0;
}

// Times `media` as its stand-in and, for Make, makes it. Returns why it
// cannot play ("" = it can).
std::string useStandIn(MediaRef& media, const Cue& cue, const LocalMirror& mirror,
                       StandInMovies standIns,
                       const std::function<void(const std::string&)>& progress) {
  std::string why = "movie not downloaded: " + uriFileName(media.uri);
  if (!isHttpUrl(media.uri)) return why;
  if (!canStandIn(media)) return why + " (its size is unknown: no stand-in)";
  media.movie = standInMovieFacts(media, cue);
  if (standIns == StandInMovies::Describe) return "";
  StandInMovie standIn = standInMovieOf(media);
  try {
    makeStandInMovie(standIn, howToGetMedia(media.uri, MediaKind::Movie),
                     standInMoviePath(standIn, mirror.root()), progress);
  } catch (const MediaError& error) {
    return why + " (no stand-in: " + error.what() + ")";
  }
  return "";
}

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

std::vector<std::string> localFrameFiles(const MediaRef& media, const LocalMirror& mirror) {
  std::vector<std::string> files;
  for (const std::string& frame : media.frames)
    files.push_back(isHttpUrl(frame) ? mirror.mediaPath(frame).value_or(frame) : frame);
  return files;
}

std::string localMovieFile(const MediaRef& media, const LocalMirror& mirror) {
  std::string real = realMovieFile(media, mirror);
  if (!real.empty() || !canStandIn(media) || !media.movie.known()) return real;
  std::string standIn = standInMoviePath(standInMovieOf(media), mirror.root()).string();
  return isFile(standIn) ? standIn : "";
}

bool playsStandInMovie(const MediaRef& media, const LocalMirror& mirror) {
  return media.kind == MediaKind::Movie && canStandIn(media) &&
         realMovieFile(media, mirror).empty();
}

void probeMovies(Playlist& playlist, const LocalMirror& mirror, StandInMovies standIns,
                 const std::function<void(const std::string&)>& progress) {
  for (std::size_t i = 0; i < playlist.cues.size(); ++i) {
    Cue& cue = playlist.cues[i];
    if (!cue.playable) continue;
    for (LayoutItem& item : cue.items) {
      MediaRef& media = item.media;
      if (media.kind != MediaKind::Movie || isAssetReference(media.uri)) continue;
      if (media.isFrameSequence()) {
        if (media.movie.known()) continue;
        cue.skipReason = probeFrameSequence(media, mirror);
        cue.playable = cue.skipReason.empty();
        if (!cue.playable) break;
        continue;
      }
      std::string file = realMovieFile(media, mirror);
      if (file.empty()) {
        cue.skipReason = useStandIn(media, cue, mirror, standIns, progress);
        cue.playable = cue.skipReason.empty();
        if (!cue.playable) break;
        continue;
      }
      if (media.movie.known()) continue;
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
