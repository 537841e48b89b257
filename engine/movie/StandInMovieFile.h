#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "engine/movie/StandInMovie.h"

namespace hw {

// Where `standIn` is cached: <cacheRoot>/standins/<cacheName>, beside the
// stand-in cards of pictures.
std::filesystem::path standInMoviePath(const StandInMovie& standIn,
                                       const std::filesystem::path& cacheRoot);

// Makes `standIn` as an H.264 movie (StandInMovieCard pictures through
// MovieWriter) at `file` unless it is there already, written beside it and
// renamed into place so no process ever opens half a movie. `howToGet` is the
// card's line on getting the real movie; `progress` gets one line as it
// starts and one when it is done, with the time it took. Throws MediaError
// naming the file when it cannot be made (no libx264, an unwritable cache).
void makeStandInMovie(const StandInMovie& standIn, const std::string& howToGet,
                      const std::filesystem::path& file,
                      const std::function<void(const std::string&)>& progress);

}  // namespace hw
