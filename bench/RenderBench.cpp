// The render benchmark: what one frame of a render node costs on this
// machine's renderer (headless: SDL's software renderer), settled and in the
// middle of a crossfade, and how long a cue takes to prepare before it is
// due. Baseline, measured in the same run: the same copies from textures in
// the image's own RGBA format, which SDL converts on every copy. See
// docs/rendering.md, "Performance".
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>

#include "config/WallConfigLoader.h"
#include "engine/net/FrameReport.h"
#include "engine/render/ManualClock.h"
#include "engine/render/NodeWindowLayout.h"
#include "engine/render/Player.h"
#include "engine/render/ThumbnailingTileSource.h"
#include "engine/render/WallGridLayout.h"
#include "tiler/ImageFile.h"

namespace {

using namespace hw;
using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Photo-sized tiles with detail, made in memory: the bench measures drawing, not decoding.
class BenchTiles : public CueTileSource {
 public:
  explicit BenchTiles(const WallConfig& wall) : wall_(wall) {}
  Image tileFor(std::size_t cue, const NodeConfig& node) override {
    Size size = framebufferSize(wall_, node.rotation);
    Image image(size.w, size.h);
    for (int y = 0; y < size.h; ++y)
      for (int x = 0; x < size.w; ++x) {
        std::uint8_t* p = image.at(x, y);
        p[0] = std::uint8_t(x + 40 * cue), p[1] = std::uint8_t(y), p[2] = std::uint8_t(x ^ y);
      }
    return image;
  }

 private:
  const WallConfig& wall_;
};

// Median ms of `runs` calls of `work`.
template <typename Work>
double medianMs(int runs, Work&& work) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    work();
    times.push_back(millisecondsSince(start));
  }
  std::nth_element(times.begin(), times.begin() + runs / 2, times.end());
  return times[runs / 2];
}

// What a windowed node's frame reports add to a cue: the small copy its
// ThumbnailingTileSource makes while the preloader prepares the cue, against
// preparing it without; then the PNG the reporter's thread encodes.
void measureFrameReport(const WindowLayout& layout, CueTileSource& tiles) {
  constexpr int kRuns = 7;
  ThumbnailingTileSource reported(tiles, kFrameSide);
  double plain = medianMs(kRuns, [&] { layout.compose(tiles, 1); });
  double copied = medianMs(kRuns, [&] { layout.compose(reported, 1); });
  std::string png;
  double encode = medianMs(kRuns, [&] { png = encodePng(reported.thumbnail(1)); });
  std::printf("  frame report: prepare %.1f ms with the %d px copy, %.1f ms without (+%.1f ms, "
              "%.1f%%); PNG %.1f ms (%zu bytes) on the reporter's thread\n",
              copied, kFrameSide, plain, copied - plain, 100 * (copied - plain) / plain, encode,
              png.size());
}

struct FrameTimes {
  double settled = 0;    // ms per frame, one cue on screen
  double crossfade = 0;  // ms per frame, two cues blended
};

// Draws `frames` frames at a fixed clock time `t` and returns ms per frame.
double timeFrames(Player& player, ManualClock& clock, double t, int frames) {
  clock.set(t);
  player.draw();  // uploads what the preloader finished
  player.present();
  auto start = Clock::now();
  for (int i = 0; i < frames; ++i) {
    player.draw();
    player.present();
  }
  return millisecondsSince(start) / frames;
}

// The same two copies per frame from RGBA textures, converted by SDL each time.
FrameTimes baseline(RenderWindow& window, const Image& a, const Image& b, int frames) {
  SDL_Renderer* renderer = window.renderer();
  auto upload = [&](const Image& image) {
    SDL_Texture* texture = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGBA32,
                                             SDL_TEXTUREACCESS_STATIC, image.width, image.height);
    SDL_UpdateTexture(texture, nullptr, image.pixels.data(), image.stride());
    return texture;
  };
  SDL_Texture* first = upload(a);
  SDL_Texture* second = upload(b);
  FrameTimes times;
  for (bool fading : {false, true}) {
    auto start = Clock::now();
    for (int i = 0; i < frames; ++i) {
      SDL_RenderClear(renderer);
      SDL_SetTextureBlendMode(first, SDL_BLENDMODE_NONE);
      SDL_RenderCopy(renderer, first, nullptr, nullptr);
      if (fading) {
        SDL_SetTextureBlendMode(second, SDL_BLENDMODE_BLEND);
        SDL_SetTextureAlphaMod(second, 128);
        SDL_RenderCopy(renderer, second, nullptr, nullptr);
      }
      SDL_RenderPresent(renderer);
    }
    (fading ? times.crossfade : times.settled) = millisecondsSince(start) / frames;
  }
  SDL_DestroyTexture(first);
  SDL_DestroyTexture(second);
  return times;
}

void measure(const char* name, const WallConfig& wall, const WindowLayout& layout, int frames,
             bool withBaseline) {
  Playlist show;
  show.loop = false;
  for (int i = 0; i < 3; ++i) {
    Cue cue;
    cue.durationSeconds = 10;
    cue.transition = {TransitionType::Crossfade, 2.0};
    show.cues.push_back(cue);
  }
  BenchTiles tiles(wall);
  auto start = Clock::now();
  std::vector<Image> pictures = layout.compose(tiles, 1);
  double prepare = millisecondsSince(start);

  ManualClock clock;
  PlaybackSchedule schedule{Timeline(timelineSpecFor(show))};
  schedule.submit({PlaybackCommand::Kind::Play, 0.0});
  RenderWindow window({name, layout.windowSize(), true});
  std::ostringstream log;
  Player player(window, clock, schedule, show, tiles, layout, {true}, log);
  FrameTimes ours{timeFrames(player, clock, 5.0, frames), timeFrames(player, clock, 11.0, frames)};
  std::printf("%s, %dx%d (%s)\n", name, layout.windowSize().w, layout.windowSize().h,
              window.description().c_str());
  std::printf("  prepare one cue (tiles + composition, worker thread): %.1f ms\n", prepare);
  if (!withBaseline) {
    std::printf("  frame settled %.2f ms, crossfade %.2f ms\n", ours.settled, ours.crossfade);
    return;
  }
  measureFrameReport(layout, tiles);
  FrameTimes naive = baseline(window, pictures[0], layout.compose(tiles, 2)[0], frames);
  std::printf("  frame settled:   %6.2f ms   baseline %6.2f ms   ratio %.1fx\n", ours.settled,
              naive.settled, naive.settled / ours.settled);
  std::printf("  frame crossfade: %6.2f ms   baseline %6.2f ms   ratio %.1fx\n", ours.crossfade,
              naive.crossfade, naive.crossfade / ours.crossfade);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"render_bench: frame and cue-preparation cost of the player"};
  std::string wallName = "3x3-1080p";
  int frames = 200;
  app.add_option("--wall", wallName, "Wall preset or file")->capture_default_str();
  app.add_option("--frames", frames, "Frames timed per figure")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  WallConfig wall = loadWallConfig(wallName);
  NodeWindowLayout node(wall, wall.nodes.front());
  measure("node window", wall, node, frames, true);
  WallGridLayout grid(wall, previewSizeToFit(wall, kRehearsalWindowBounds));
  measure("rehearsal grid", wall, grid, frames, false);
  return 0;
}
