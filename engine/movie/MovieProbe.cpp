#include "engine/movie/MovieProbe.h"

#include <filesystem>

#include "engine/movie/MovieFile.h"
#include "hwshow/HttpUrl.h"
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

void probeMovies(Playlist& playlist, const LocalMirror& mirror) {
  for (std::size_t i = 0; i < playlist.cues.size(); ++i) {
    Cue& cue = playlist.cues[i];
    if (!cue.playable) continue;
    for (LayoutItem& item : cue.items) {
      MediaRef& media = item.media;
      if (media.kind != MediaKind::Movie || media.movie.known() || isAssetReference(media.uri))
        continue;
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
