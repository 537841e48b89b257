#include "bench/BenchMedia.h"

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "bench/BenchProcess.h"

namespace hw::bench {
namespace {

namespace fs = std::filesystem;

void runFfmpeg(const std::vector<std::string>& args, const fs::path& dir, const fs::path& made) {
  std::vector<std::string> argv = {"/usr/bin/ffmpeg", "-nostdin", "-hide_banner",
                                   "-loglevel",       "error",    "-y"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back(made.string());
  pid_t pid = spawn(argv, (dir / "ffmpeg.log").string());
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("ffmpeg could not make " + made.string() + " (see " +
                             (dir / "ffmpeg.log").string() + ")");
}

}  // namespace

fs::path makeLoopMovie(const fs::path& dir) {
  fs::path file = dir / "loop.mp4";
  std::string size = std::to_string(kMovieWidth) + "x" + std::to_string(kMovieHeight);
  runFfmpeg({"-f", "lavfi", "-i", "testsrc2=s=" + size + ":r=" + kMovieRate, "-frames:v",
             std::to_string(kMovieFrames), "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "30"},
            dir, file);
  return file;
}

fs::path makeStill(const fs::path& dir, const std::string& name) {
  fs::path file = dir / (name + ".png");
  runFfmpeg({"-f", "lavfi", "-i", name + "=s=960x540", "-frames:v", "1"}, dir, file);
  return file;
}

std::string loadAverage() {
  std::ifstream in("/proc/loadavg");
  double one = 0, five = 0, fifteen = 0;
  in >> one >> five >> fifteen;
  char text[64];
  std::snprintf(text, sizeof text, "%.2f %.2f %.2f", one, five, fifteen);
  return text;
}

}  // namespace hw::bench
