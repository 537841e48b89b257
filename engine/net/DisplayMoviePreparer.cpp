#include "engine/net/DisplayMoviePreparer.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <map>

#include "config/JsonFile.h"
#include "config/WallConfigLoader.h"
#include "engine/movie/MovieProbe.h"
#include "engine/movie/PerDisplayMovies.h"
#include "engine/net/LogLine.h"
#include "engine/net/Sha256.h"
#include "hwshow/HwshowValues.h"
#include "hwshow/ShowPaths.h"

namespace hw {
namespace {

constexpr const char* kManifest = "manifest.json";

// Thrown from the cut's progress callback when the master stops.
struct Cancelled {};

// The files of a finished cut, by node id; empty when it is not finished.
std::map<std::string, std::string> finishedCut(const std::filesystem::path& folder) {
  std::map<std::string, std::string> movies;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(folder / kManifest, ec)) return movies;
  try {
    nlohmann::json manifest = readJsonFile((folder / kManifest).string());
    for (const auto& [id, display] : manifest.at("displays").items())
      movies[id] = (folder / display.at("file").get<std::string>()).string();
  } catch (const std::exception& error) {
    logLine("master",
            "ignoring the per-display movies in " + folder.string() + ": " + error.what());
    movies.clear();
  }
  return movies;
}

}  // namespace

bool wantsDisplayMovies(const Cue& cue, const WallConfig& wall) {
  if (cue.items.size() != 1) return false;
  const MediaRef& media = cue.items.front().media;
  if (media.kind != MediaKind::Movie || !media.movie.known()) return false;
  double mpxPerSecond =
      static_cast<double>(media.width) * media.height * media.movie.rate.fps() / 1e6;
  return mpxPerSecond > wall.nodeDecodeMpxPerSecond;
}

std::string displayMoviesKey(const Cue& cue, const WallConfig& wall,
                             const std::string& sourceSha256) {
  nlohmann::json geometry = wallConfigToJson(wall);
  geometry.erase("name");  // what the wall is called, not what it shows
  geometry.erase("key");
  geometry.erase("node_decode_mpx_per_s");
  geometry.erase("master");  // where the master runs
  // Which PC drives a display and which has the speakers: not what it shows.
  for (nlohmann::json& node : geometry["nodes"]) {
    node.erase("host");
    node.erase("audio");
  }
  const LayoutItem& item = cue.items.front();
  nlohmann::json layout = {
      {"fit", fitName(item.fit)},
      {"anchor", {item.anchor.x, item.anchor.y}},
      {"region", {item.region.col, item.region.row, item.region.cols, item.region.rows}},
      {"background", colorText(cue.background)}};
  return Sha256::ofText(sourceSha256 + geometry.dump() + layout.dump()).substr(0, 32);
}

DisplayMoviePreparer::DisplayMoviePreparer(WallConfig wall, std::filesystem::path cacheDir,
                                           LocalMirror mirror, std::function<void()> ready)
    : wall_(std::move(wall)),
      cacheDir_(std::move(cacheDir)),
      mirror_(std::move(mirror)),
      ready_(std::move(ready)),
      worker_([this] { work(); }) {}

DisplayMoviePreparer::~DisplayMoviePreparer() { stop(); }

void DisplayMoviePreparer::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (worker_.joinable()) worker_.join();
}

Playlist DisplayMoviePreparer::adopt(const Playlist& show) {
  // Hashing sources takes seconds for big movies: outside the lock.
  std::vector<std::string> keys(show.cues.size());
  std::vector<Work> needed;
  for (std::size_t i = 0; i < show.cues.size(); ++i) {
    const Cue& cue = show.cues[i];
    if (!cue.playable || !wantsDisplayMovies(cue, wall_)) continue;
    // A stand-in is drawn small (kStandInMoviePixels): every node decodes it whole.
    if (playsStandInMovie(cue.items.front().media, mirror_)) continue;
    std::string path = localMovieFile(cue.items.front().media, mirror_);
    if (path.empty()) continue;
    keys[i] = displayMoviesKey(cue, wall_, Sha256::ofFile(path));
    if (!finishedCut(cacheDir_ / keys[i]).empty()) continue;
    Work work;
    work.cue = static_cast<int>(i);
    work.key = keys[i];
    work.cut = cue;
    work.cut.items.front().media.uri = path;
    work.movie = uriFileName(cue.items.front().media.uri);
    work.framesTotal = cue.items.front().media.movie.frames;
    needed.push_back(std::move(work));
  }
  std::lock_guard lock(mutex_);
  adopted_ = show;
  keyOfCue_ = std::move(keys);
  failed_.clear();
  // The one being cut stays (at the front); the last show's waiting ones go.
  while (queue_.size() > (running_ ? 1u : 0u)) queue_.pop_back();
  for (Work& work : needed) {
    bool queued = false;
    for (Work& waiting : queue_) {
      if (waiting.key != work.key) continue;
      waiting.cue = work.cue;
      queued = true;
    }
    if (!queued) queue_.push_back(std::move(work));
  }
  changed_.notify_all();
  return prepare(adopted_);
}

Playlist DisplayMoviePreparer::prepared() const {
  std::lock_guard lock(mutex_);
  return prepare(adopted_);
}

Playlist DisplayMoviePreparer::prepare(const Playlist& show) const {
  Playlist prepared = show;
  for (std::size_t i = 0; i < prepared.cues.size() && i < keyOfCue_.size(); ++i) {
    if (keyOfCue_[i].empty()) continue;
    Cue& cue = prepared.cues[i];
    cue.displayMovies = finishedCut(cacheDir_ / keyOfCue_[i]);
    if (!cue.displayMovies.empty()) continue;
    cue.playable = false;
    cue.skipReason = "per-display movies are being prepared";
    for (const Work& failed : failed_)
      if (failed.key == keyOfCue_[i])
        cue.skipReason = "per-display movies could not be made: " + failed.error;
  }
  return prepared;
}

void DisplayMoviePreparer::waitWhileBusy() const {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return stopping_ || queue_.empty(); });
}

std::vector<MoviePreparation> DisplayMoviePreparer::jobs() const {
  std::lock_guard lock(mutex_);
  std::vector<MoviePreparation> jobs;
  for (const Work& work : queue_)
    jobs.push_back({work.cue, work.movie, work.framesDone, work.framesTotal, ""});
  for (const Work& work : failed_)
    jobs.push_back({work.cue, work.movie, work.framesDone, work.framesTotal, work.error});
  return jobs;
}

void DisplayMoviePreparer::work() {
  namespace fs = std::filesystem;
  for (;;) {
    Work work;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      running_ = true;
      work = queue_.front();
    }
    fs::path folder = cacheDir_ / work.key;
    // Cut beside the cache and renamed once whole: a folder is finished or absent.
    fs::path partial = cacheDir_ / (work.key + ".partial-" + std::to_string(::getpid()));
    std::string error;
    auto started = std::chrono::steady_clock::now();
    logLine("master", "preparing per-display movies of cue " + std::to_string(work.cue + 1) + " (" +
                          work.movie + ")");
    try {
      std::error_code ec;
      fs::remove_all(partial, ec);
      cutCuePerDisplay(work.cut, wall_, partial.string(), [&](const MovieCutProgress& progress) {
        std::lock_guard lock(mutex_);
        if (stopping_) throw Cancelled{};
        Work& running = queue_.front();
        running.framesDone = progress.framesDone;
        if (progress.framesTotal > 0) running.framesTotal = progress.framesTotal;
        // A line every quarter: long cuts show progress in the log too.
        long long quarter = running.framesTotal / 4;
        if (quarter > 0 && progress.framesDone % quarter == 0 &&
            progress.framesDone < running.framesTotal)
          logLine("master", "per-display movies of cue " + std::to_string(work.cue + 1) + ": " +
                                std::to_string(progress.framesDone * 100 / running.framesTotal) +
                                " %");
      });
      fs::remove_all(folder, ec);
      fs::rename(partial, folder);
    } catch (const Cancelled&) {
      std::error_code ec;
      fs::remove_all(partial, ec);
      return;
    } catch (const std::exception& failure) {
      error = failure.what();
      std::error_code ec;
      fs::remove_all(partial, ec);
    }
    bool wanted = false;
    {
      std::lock_guard lock(mutex_);
      running_ = false;
      Work done = std::move(queue_.front());
      queue_.pop_front();
      if (!error.empty()) {
        done.error = error;
        failed_.push_back(done);
      }
      for (const std::string& key : keyOfCue_) wanted = wanted || key == done.key;
    }
    changed_.notify_all();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char took[32];
    std::snprintf(took, sizeof took, "%.1f s", seconds);
    if (error.empty())
      logLine("master", "per-display movies of cue " + std::to_string(work.cue + 1) + " (" +
                            work.movie + ") ready in " + took);
    else
      logLine("master", "per-display movies of cue " + std::to_string(work.cue + 1) + " (" +
                            work.movie + ") could not be made: " + error);
    // The cue plays now, or says why it cannot: the show on the wall changes.
    if (wanted) ready_();
  }
}

}  // namespace hw
