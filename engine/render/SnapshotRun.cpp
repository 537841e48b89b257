#include "engine/render/SnapshotRun.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "tiler/ImageFile.h"

namespace hw {

std::string snapshotFileName(int cue) {
  char name[32];
  std::snprintf(name, sizeof name, "cue-%03d.png", cue + 1);
  return name;
}

std::string instantFileName(double seconds) {
  char name[48];
  std::snprintf(name, sizeof name, "at-%.3fs.png", seconds);
  return name;
}

SnapshotRun::SnapshotRun(RenderWindow& window, Player& player, ManualClock& clock,
                         const Playlist& playlist, SnapshotSettings settings,
                         std::ostream& progress)
    : window_(window),
      player_(player),
      clock_(clock),
      playlist_(playlist),
      settings_(std::move(settings)),
      progress_(progress) {}

std::vector<std::filesystem::path> SnapshotRun::run() {
  std::filesystem::create_directories(settings_.folder);
  std::vector<std::filesystem::path> written;
  std::set<int> taken;
  const double origin = clock_.now();
  for (long frame = 0; settings_.frames == 0 || frame < settings_.frames;) {
    clock_.set(origin + frame / settings_.fps);
    PlayerFrame drawn = player_.draw();
    const PlaybackPosition& at = drawn.position;
    double cueEnds = clock_.now() + at.remaining;  // clock s
    bool lastFrameOfCue = origin + (frame + 1) / settings_.fps >= cueEnds;
    if (at.cue >= 0 && drawn.complete && (at.settled() || lastFrameOfCue) && !taken.count(at.cue)) {
      std::filesystem::path file = settings_.folder / snapshotFileName(at.cue);
      writePngFile(window_.readPixels(), file);
      taken.insert(at.cue);
      written.push_back(file);
      progress_ << "rehearse: cue " << at.cue + 1 << "/" << playlist_.cues.size() << " \""
                << playlist_.cues[static_cast<std::size_t>(at.cue)].title << "\" -> "
                << file.string() << "\n";
    }
    player_.present();
    if (at.cue < 0 || at.finished) break;
    ++frame;
    // Nothing moves between a settled snapshot and the next cue: go straight there.
    if (settings_.frames == 0 && taken.count(at.cue) && at.settled())
      frame =
          std::max(frame, static_cast<long>(std::ceil((cueEnds - origin) * settings_.fps - 1e-6)));
  }
  return written;
}

std::vector<std::filesystem::path> SnapshotRun::runAt(std::vector<double> times) {
  std::filesystem::create_directories(settings_.folder);
  std::sort(times.begin(), times.end());  // the clock only runs forwards
  std::vector<std::filesystem::path> written;
  const double origin = clock_.now();
  for (double at : times) {
    clock_.set(origin + at);
    PlayerFrame drawn = player_.draw();
    std::filesystem::path file = settings_.folder / instantFileName(at);
    writePngFile(window_.readPixels(), file);
    written.push_back(file);
    progress_ << "rehearse: " << at << " s: ";
    if (drawn.position.cue < 0)
      progress_ << "the show has ended";
    else
      progress_ << "cue " << drawn.position.cue + 1 << "/" << playlist_.cues.size()
                << (drawn.movie.frame >= 0
                        ? ", movie frame " + std::to_string(drawn.movie.frame + 1)
                        : std::string());
    progress_ << " -> " << file.string() << "\n";
    player_.present();
  }
  return written;
}

}  // namespace hw
