// The decode-cost benchmark (bench/movie-decode-bench.sh): the CPU one render
// node spends playing one movie cue, measured as the node runs it: the
// Player's frame loop on a headless window at real time (SteadyClock, no
// faster), MovieCuePlayback decoding ahead and composing through the tiler
// for the node's display, each picture uploaded to an SDL texture. The
// script sets it against ffmpeg decoding the same file alone.
// --breakdown times the stages one after the other instead (decode and
// convert, tiler, upload), to show where the time goes.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "config/WallConfigLoader.h"
#include "engine/movie/MovieFile.h"
#include "engine/movie/MovieProbe.h"
#include "engine/render/CueTilerSource.h"
#include "engine/render/FrameLoop.h"
#include "engine/render/NodeWindowLayout.h"
#include "engine/render/Player.h"
#include "engine/render/SteadyClock.h"
#include "engine/render/Texture.h"
#include "tiler/MediaSource.h"

namespace {

using namespace hw;

// CPU seconds this process has used, all threads, user and system.
double cpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec * 1e-6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct BenchOptions {
  std::string movie;
  std::string wall = "1x1-1080p";
  std::string node = "r0c0";
  FitMode fit = FitMode::Fill;
  double seconds = 20;
  int breakdown = 0;   // frames timed per stage; 0 = play at real time
  bool still = false;  // the file is an image: the frame loop's cost without a movie
};

// One cue showing `movie` over the whole wall for longer than the run.
Playlist movieShow(const BenchOptions& options) {
  LayoutItem item;
  item.media.kind = options.still ? MediaKind::Image : MediaKind::Movie;
  item.media.uri = options.movie;
  item.fit = options.fit;
  Cue cue;
  cue.items.push_back(item);
  cue.durationSeconds = options.seconds + 60;
  cue.transition = {TransitionType::Cut, 0};
  Playlist show;
  show.loop = false;
  show.cues.push_back(cue);
  probeMovies(show, LocalMirror::fromEnvironment());
  return show;
}

// Plays the cue for options.seconds of real time, as a node's frame loop does.
void play(const BenchOptions& options, const WallConfig& wall, const NodeConfig& node) {
  Playlist show = movieShow(options);
  NodeWindowLayout layout(wall, node);
  MediaSource media;
  CueTiler tiler(wall, media);
  CueTilerSource tiles(show, tiler);
  RenderWindow window({"movie bench", layout.windowSize(), true});
  SteadyClock clock;
  PlaybackSchedule schedule{Timeline(timelineSpecFor(show))};
  schedule.submit({PlaybackCommand::Kind::Play, clock.now()});
  double cpuStart = cpuSeconds();
  Player player(window, clock, schedule, show, tiles, layout, {}, std::cerr);
  FrameLoop loop({{&window, &player}}, clock);
  MovieStats stats;
  int draws = 0;
  loop.run([](const SDL_Event&) { return true; },
           [&](std::size_t, const PlayerFrame& frame) {
             stats = frame.movie;
             ++draws;
             if (!frame.mediaError.empty()) throw std::runtime_error(frame.mediaError);
             if (clock.now() < options.seconds) return;
             SDL_Event quit{};
             quit.type = SDL_QUIT;
             SDL_PushEvent(&quit);
           });
  double played = clock.now();
  double cpu = cpuSeconds() - cpuStart;
  std::printf("  %s on %s node %s (%s), decoder threads %d\n", options.movie.c_str(),
              options.wall.c_str(), node.id.c_str(), window.description().c_str(),
              playbackDecoderThreads());
  std::printf("  played %.2f s: %lld frames due, %lld dropped, %lld late draws (of %d)\n", played,
              static_cast<long long>(stats.tick + 1), static_cast<long long>(stats.dropped),
              static_cast<long long>(stats.late), draws);
  std::printf(
      "RESULT cpu=%.3f played=%.3f per_second=%.4f due=%lld dropped=%lld late=%lld threads=%d\n",
      cpu, played, cpu / played, static_cast<long long>(stats.tick + 1),
      static_cast<long long>(stats.dropped), static_cast<long long>(stats.late),
      playbackDecoderThreads());
}

// CPU ms per frame of `work`, run `frames` times.
template <typename Work>
double cpuMsPerFrame(int frames, Work&& work) {
  double start = cpuSeconds();
  for (int i = 0; i < frames; ++i) work();
  return (cpuSeconds() - start) * 1000 / frames;
}

// The stages of one frame one after the other, on this thread.
void breakdown(const BenchOptions& options, const WallConfig& wall, const NodeConfig& node) {
  Playlist show = movieShow(options);
  const Cue& cue = show.cues.front();
  NodeWindowLayout layout(wall, node);
  // Decoding alone (nothing converted), then as playback does: the region shown, memory reused.
  MovieFile file(options.movie, playbackDecoderThreads());
  RectI region = movieRegionShown(cue.items.front(), file.size(), layout);
  std::shared_ptr<Image> picture;
  auto nextPicture = [&] {
    std::optional<MovieFrame> frame = file.next();
    if (!frame) throw std::runtime_error(options.movie + ": fewer frames than --breakdown");
    if (picture) file.recycle(std::move(*picture));
    picture = std::make_shared<Image>(std::move(frame->picture));
  };
  file.convertOnly({});
  cpuMsPerFrame(30, nextPicture);  // the decoder's threads start and fill up
  double decode = cpuMsPerFrame(options.breakdown, nextPicture);
  file.convertOnly(region);
  double converted = cpuMsPerFrame(options.breakdown, nextPicture);
  MediaSource media;
  CueTiler tiler(wall, media);
  MovieFrames frames{{options.movie, picture}};
  Image tile;
  double compose = cpuMsPerFrame(options.breakdown, [&] {
    tiler.recycle(std::move(tile));
    tile = tiler.renderTile(cue, node, frames);
  });
  RenderWindow window({"movie bench", {tile.width, tile.height}, true});
  Texture texture(window, tile);
  double upload = cpuMsPerFrame(options.breakdown, [&] { texture.update(tile); });
  std::printf("  CPU ms per frame, %d frames of %s for node %s of %s:\n", options.breakdown,
              file.description().c_str(), node.id.c_str(), options.wall.c_str());
  std::printf("    decode alone (MovieFile::next):              %6.2f\n", decode);
  std::printf("    decode + convert %dx%d of it to RGBA:      %6.2f\n", region.w, region.h,
              converted);
  std::printf("    compose the node's picture (CueTiler):       %6.2f\n", compose);
  std::printf("    upload (Texture::update):                    %6.2f\n", upload);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"movie_bench: CPU a render node spends playing one movie cue"};
  BenchOptions options;
  app.add_option("movie", options.movie, "Movie file")->required()->check(CLI::ExistingFile);
  app.add_option("--wall", options.wall, "Wall preset or file")->capture_default_str();
  app.add_option("--node", options.node, "Node whose display plays")->capture_default_str();
  app.add_option("--fit", options.fit, "How the movie covers the wall")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, FitMode>{{"fit", FitMode::Fit}, {"fill", FitMode::Fill}}))
      ->capture_default_str();
  app.add_option("--seconds", options.seconds, "Seconds of playback (real time)")
      ->check(CLI::Range(1.0, 3600.0))
      ->capture_default_str();
  app.add_flag("--still", options.still,
               "The file is a still image: what the same frame loop costs without a movie");
  app.add_option("--breakdown", options.breakdown,
                 "Time each stage over this many frames instead of playing")
      ->check(CLI::Range(1, 100000));
  CLI11_PARSE(app, argc, argv);
  try {
    WallConfig wall = loadWallConfig(options.wall);
    const NodeConfig* node = wall.findNode(options.node);
    if (!node) {
      std::cerr << "movie_bench: no node " << options.node << " in " << options.wall << "\n";
      return 2;
    }
    if (options.breakdown > 0)
      breakdown(options, wall, *node);
    else
      play(options, wall, *node);
  } catch (const std::exception& error) {
    std::cerr << "movie_bench: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
