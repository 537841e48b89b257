// Tiling speed: hyperwall's tiler against decoding alone (the floor) and
// against ImageMagick, measured in the same run. Run bench/tile-bench.sh.
#include <SDL.h>
#include <SDL_image.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "config/WallConfigLoader.h"
#include "tiler/CueTiler.h"
#include "tiler/ImageFile.h"
#include "tiler/MediaSource.h"
#include "tiler/WallCanvas.h"
#include "tiler/WallPreview.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Timing {
  double seconds = 0;     // median wall time
  double cpuSeconds = 0;  // mean CPU time (all threads) per run
};

double cpuSeconds(int who = RUSAGE_SELF) {
  rusage usage{};
  getrusage(who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Runs the tasks round-robin, `runs` times each after one warm-up round, so
// that a busy machine slows all of them alike and their ratios stay fair.
std::vector<Timing> measure(int runs, const std::vector<std::function<void()>>& tasks) {
  std::vector<std::vector<double>> times(tasks.size());
  std::vector<double> cpu(tasks.size());
  for (int round = 0; round <= runs; ++round) {
    for (std::size_t t = 0; t < tasks.size(); ++t) {
      double cpu0 = cpuSeconds();
      auto start = Clock::now();
      tasks[t]();
      double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      if (round == 0) continue;  // warm-up: page cache, allocator, thread start-up
      times[t].push_back(seconds);
      cpu[t] += cpuSeconds() - cpu0;
    }
  }
  std::vector<Timing> result;
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    std::sort(times[t].begin(), times[t].end());
    result.push_back({times[t][times[t].size() / 2], cpu[t] / runs});
  }
  return result;
}

// A child process's wall time (median) and CPU time (mean), e.g. ImageMagick.
Timing measureCommand(int runs, const std::string& command) {
  std::vector<double> times;
  double cpu0 = cpuSeconds(RUSAGE_CHILDREN);
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    if (std::system(command.c_str()) != 0) {
      std::cerr << "tile_bench: failed: " << command << "\n";
      std::exit(1);
    }
    times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], (cpuSeconds(RUSAGE_CHILDREN) - cpu0) / runs};
}

// Bytes of the PNG files in `folder` whose names start with `prefix`.
std::uintmax_t pngBytes(const fs::path& folder, const std::string& prefix) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".png" &&
        entry.path().filename().string().rfind(prefix, 0) == 0)
      bytes += entry.file_size();
  return bytes;
}

hw::Cue cueFor(const std::string& file) {
  hw::Cue cue;
  hw::LayoutItem item;
  item.media.uri = file;
  item.fit = hw::FitMode::Fit;
  cue.items.push_back(item);
  return cue;
}

void benchOne(const std::string& file, const std::string& wallName, const fs::path& scratch,
              int runs) {
  hw::WallConfig wall = hw::loadWallConfig(wallName);
  hw::WallCanvas canvas(wall);
  hw::MediaSourceOptions options;
  options.cacheRoot = scratch / "cache";
  hw::Cue cue = cueFor(file);
  const hw::NodeConfig& centre = wall.nodeAt(wall.cols / 2, wall.rows / 2);

  hw::MediaSource warm(options), steady(options);
  hw::CueTiler steadyTiler(wall, steady);
  std::vector<Timing> t =
      measure(runs, {
                        [&] { SDL_FreeSurface(IMG_Load(file.c_str())); },
                        [&] { hw::decodeImageFile(file); },
                        // Fresh sources decode every run, as a node does when a cue arrives.
                        [&] {
                          hw::MediaSource source(options);
                          hw::CueTiler(wall, source).renderTile(cue, centre);
                        },
                        [&] {
                          hw::MediaSource source(options);
                          hw::CueTiler(wall, source).renderAll(cue);
                        },
                        // Decoding again, frames recycled: `hyperwall tile` from its second cue on.
                        [&] {
                          steady.clearCache();
                          steadyTiler.recycle(steadyTiler.renderAll(cue));
                        },
                        [&] { hw::CueTiler(wall, warm).renderAll(cue); },
                    });
  Timing decode = t[0], decodeRgba = t[1], oneNode = t[2], allNodes = t[3], recycled = t[4],
         tileOnly = t[5];
  // The whole `hyperwall tile` process, as a user runs it: start-up, decode,
  // tiles, wall.png and every PNG written.
  fs::path ours = scratch / "ours";
  fs::remove_all(ours);  // no tiles of the previous wall left to count
  Timing tileProcess = measureCommand(
      std::max(1, runs / 3), std::string("'") + HYPERWALL_EXE + "' tile '" + file + "' --wall " +
                                 wallName + " --out '" + ours.string() + "' >/dev/null 2>&1");
  const char* convert = std::getenv("CONVERT");  // the ImageMagick binary to compare with
  std::string resize = std::string(convert ? convert : "convert") + " '" + file + "' -resize " +
                       std::to_string(canvas.size().w) + "x" + std::to_string(canvas.size().h) +
                       "! -crop " + std::to_string(wall.cols) + "x" + std::to_string(wall.rows) +
                       "@ +repage ";
  int imRuns = std::max(1, runs / 3);
  Timing magickMemory = measureCommand(imRuns, resize + "null:");
  fs::remove_all(scratch / "magick");
  fs::create_directories(scratch / "magick");
  // Its PNG encoding takes tens of seconds: one run is plenty against that.
  Timing magickPng =
      measureCommand(1, resize + "'" + (scratch / "magick").string() + "/tile-%d.png'");

  std::printf("\n%s onto %s (%d tiles, canvas %dx%d), median of %d runs:\n",
              fs::path(file).filename().c_str(), wallName.c_str(), wall.activeNodeCount(),
              canvas.size().w, canvas.size().h, runs);
  std::printf("  %-44s %9s %9s\n", "", "wall", "CPU");
  auto row = [](const char* what, const Timing& t, const std::string& note) {
    std::printf("  %-44s %6.1f ms %6.1f ms  %s\n", what, t.seconds * 1000, t.cpuSeconds * 1000,
                note.c_str());
  };
  auto ratio = [](double a, double b) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", a / b);
    return std::string(text);
  };
  row("decode alone (IMG_Load; the floor)", decode, "");
  row("decode to RGBA (decodeImageFile)", decodeRgba, "");
  row("tiler, one node's tile incl. decode", oneNode, "");
  row("tiler, all tiles in memory incl. decode", allNodes,
      ratio(allNodes.seconds, decode.seconds) +
          " x decode (CPU: " + ratio(allNodes.cpuSeconds, decode.cpuSeconds) + " x)");
  row("  the same, frames recycled (as between cues)", recycled,
      ratio(recycled.seconds, decode.seconds) +
          " x decode (CPU: " + ratio(recycled.cpuSeconds, decode.cpuSeconds) + " x)");
  row("tiler, all tiles, image already decoded", tileOnly,
      ratio(tileOnly.seconds, decode.seconds) + " x decode");
  row("hyperwall tile process (tiles + wall.png)", tileProcess, "");
  row("ImageMagick resize+crop to null:", magickMemory,
      "tiler in memory is " + ratio(magickMemory.seconds, allNodes.seconds) + " x faster");
  double speedup = magickPng.seconds / tileProcess.seconds;
  row("ImageMagick resize+crop to PNG files", magickPng,
      "hyperwall tile is " + ratio(magickPng.seconds, tileProcess.seconds) +
          " x faster (target 5 x: " + (speedup >= 5 ? "met" : "NOT met") + ")");
  std::uintmax_t ourBytes = pngBytes(ours / "cue-001", "r"),
                 magickBytes = pngBytes(scratch / "magick", "tile-");
  std::printf("  PNG size of the tiles: hyperwall %.1f MB, ImageMagick %.1f MB (%s x)\n",
              ourBytes / 1e6, magickBytes / 1e6, ratio(ourBytes, magickBytes).c_str());
}

// Peak memory of decoding and tiling one image once, in a process doing nothing else.
int peakMemory(const std::string& file, const std::string& wallName, const fs::path& scratch) {
  hw::MediaSourceOptions options;
  options.cacheRoot = scratch / "cache";
  hw::MediaSource source(options);
  hw::WallConfig wall = hw::loadWallConfig(wallName);
  std::vector<hw::Tile> tiles = hw::CueTiler(wall, source).renderAll(cueFor(file));
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak memory tiling %s onto %s: %.1f MiB (%zu tiles)\n",
              fs::path(file).filename().c_str(), wallName.c_str(), usage.ru_maxrss / 1024.0,
              tiles.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 4 && args[0] == "--peak-memory") return peakMemory(args[1], args[2], args[3]);
  if (args.size() < 3 || args[0] == "--help") {
    std::cerr << "usage: tile_bench SCRATCH_DIR RUNS IMAGE... (bench/tile-bench.sh)\n"
                 "       tile_bench --peak-memory IMAGE WALL SCRATCH_DIR\n";
    return args.empty() || args[0] != "--help" ? 2 : 0;
  }
  fs::path scratch = args[0];
  int runs = std::max(1, std::atoi(args[1].c_str()));
  std::printf("machine: %u hardware threads\n", std::thread::hardware_concurrency());
  for (std::size_t i = 2; i < args.size(); ++i)
    for (const char* wall : {"3x3-1080p", "5x3-1080p"}) benchOne(args[i], wall, scratch, runs);
  return 0;
}
