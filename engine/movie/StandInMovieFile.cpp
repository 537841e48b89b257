#include "engine/movie/StandInMovieFile.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "engine/movie/MovieWriter.h"
#include "tiler/MediaError.h"
#include "tiler/StandInMovieCard.h"

namespace hw {

namespace fs = std::filesystem;

fs::path standInMoviePath(const StandInMovie& standIn, const fs::path& cacheRoot) {
  return cacheRoot / "standins" / standIn.cacheName();
}

void makeStandInMovie(const StandInMovie& standIn, const std::string& howToGet,
                      const fs::path& file,
                      const std::function<void(const std::string&)>& progress) {
  std::error_code error;
  if (fs::is_regular_file(file, error)) return;
  auto say = [&](const std::string& line) {
    if (progress) progress(line);
  };
  say("making a stand-in movie for " + standIn.fileName + " (" + std::to_string(standIn.drawn.w) +
      "x" + std::to_string(standIn.drawn.h) + ", " + std::to_string(standIn.facts.frames) +
      " frames) in " + file.string());
  auto started = std::chrono::steady_clock::now();
  fs::create_directories(file.parent_path(), error);
  fs::path partial = file;
  partial += ".part" + std::to_string(::getpid());
  try {
    MovieEncoding encoding;
    encoding.size = standIn.drawn;
    encoding.rate = standIn.facts.rate;
    encoding.quality = 23;  // a card and a counter: sharp text at a fraction of the bytes
    MovieWriter writer(partial.string(), encoding);
    TextPainter text;
    StandInMovieCard card(standIn.drawn, standIn.fileName, standIn.detail(), howToGet,
                          standIn.facts.frames, text);
    for (std::int64_t frame = 0; frame < standIn.facts.frames; ++frame)
      writer.write(card.frame(frame));
    writer.finish();
  } catch (const MediaError&) {
    fs::remove(partial, error);
    throw;
  }
  fs::rename(partial, file, error);
  if (error) {
    fs::remove(partial, error);
    throw MediaError(file.string(), "cannot move the stand-in movie into place");
  }
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  say("stand-in movie for " + standIn.fileName + " made in " + seconds + " s");
}

}  // namespace hw
