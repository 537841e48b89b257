#include "engine/movie/PerDisplayMovies.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "engine/movie/MovieFile.h"
#include "engine/movie/MovieWriter.h"
#include "hwshow/HwshowValues.h"
#include "hwshow/MovieCueTiming.h"
#include "hwshow/ShowPaths.h"
#include "tiler/CueTiler.h"
#include "tiler/FramebufferRotation.h"
#include "tiler/MediaError.h"
#include "tiler/ParallelJobs.h"

namespace hw {

Cue wholeWallMovieCue(const std::string& source, const MovieFile& movie, FitMode fit) {
  Cue cue;
  LayoutItem item;
  item.media.kind = MediaKind::Movie;
  item.media.uri = source;
  item.media.width = movie.size().w;
  item.media.height = movie.size().h;
  item.media.movie = movie.facts();
  item.fit = fit;
  cue.items.push_back(item);
  return cue;
}

void cutMoviePerDisplay(const std::string& source, const WallConfig& wall, FitMode fit,
                        const std::string& out,
                        const std::function<void(const MovieCutProgress&)>& progress) {
  MovieFile movie(source, playbackDecoderThreads());
  cutCuePerDisplay(wholeWallMovieCue(source, movie, fit), wall, out, progress);
}

void cutCuePerDisplay(const Cue& cue, const WallConfig& wall, const std::string& out,
                      const std::function<void(const MovieCutProgress&)>& progress) {
  namespace fs = std::filesystem;
  if (cue.items.size() != 1 || cue.items.front().media.kind != MediaKind::Movie)
    throw std::logic_error("cutCuePerDisplay: the cue must show one movie");
  const LayoutItem& item = cue.items.front();
  const std::string& source = item.media.uri;
  MovieFile movie(source, playbackDecoderThreads());
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) throw MediaError(out, "cannot create the folder: " + ec.message());
  MediaSource media;
  CueTiler tiler(wall, media);
  Cue cut = cue;
  cut.displayMovies.clear();  // cut from the source, whatever the cue says
  nlohmann::json displays = nlohmann::json::object();
  // One writer per active display, in CueTiler::renderAll's order.
  std::vector<std::unique_ptr<MovieWriter>> writers;
  for (const NodeConfig& node : wall.nodes) {
    if (!node.active) continue;
    Size size = framebufferSize(wall, node.rotation);
    std::string file = node.id + ".mp4";
    writers.push_back(std::make_unique<MovieWriter>((fs::path(out) / file).string(),
                                                    MovieEncoding{size, movie.facts().rate}));
    displays[node.id] = {{"file", file}, {"width", size.w}, {"height", size.h}};
  }

  MovieCutProgress done{0, movie.facts().frames};
  while (std::optional<MovieFrame> frame = movie.next()) {
    auto picture = std::make_shared<const Image>(std::move(frame->picture));
    // Every display cut in one pass over the frame, then encoded side by side.
    std::vector<Tile> tiles = tiler.renderAll(cut, {{source, picture}});
    runParallel(static_cast<int>(writers.size()),
                [&](int i) { writers[i]->write(tiles[i].image); });
    tiler.recycle(std::move(tiles));
    ++done.framesDone;
    progress(done);
  }
  for (auto& writer : writers) writer->finish();

  nlohmann::json manifest = {{"hyperwall_per_display_movies", 1},
                             {"source", uriFileName(source)},
                             {"wall", wall.name},
                             {"fit", fitName(item.fit)},
                             {"fps", frameRateText(movie.facts().rate)},
                             {"frames", done.framesDone},
                             {"keyframe_seconds", MovieEncoding{}.keyframeSeconds},
                             {"displays", displays}};
  std::ofstream((fs::path(out) / "manifest.json").string()) << manifest.dump(2) << "\n";
}

}  // namespace hw
