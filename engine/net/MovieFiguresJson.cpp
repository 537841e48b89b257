#include "engine/net/MovieFiguresJson.h"

#include <cmath>

namespace hw {
namespace {

// Beyond any real movie or run: ten days of 240 fps is 2e8 frames.
constexpr std::int64_t kMostFrames = std::int64_t{1} << 40;
constexpr int kMostQueued = 1000;   // frames; a node queues a handful
constexpr double kMostFps = 10000;  // frames per second

std::optional<std::int64_t> count(const nlohmann::json& movie, const char* key, std::int64_t least,
                                  std::int64_t most) {
  auto it = movie.find(key);
  if (it == movie.end() || !it->is_number_integer()) return std::nullopt;
  // A number over int64 is unsigned in nlohmann: out of range either way.
  if (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(most))
    return std::nullopt;
  std::int64_t value = it->get<std::int64_t>();
  if (value < least || value > most) return std::nullopt;
  return value;
}

}  // namespace

nlohmann::json movieFiguresToJson(const MovieFigures& f) {
  return {{"frame", f.frame},
          {"dropped", f.dropped},
          {"late", f.late},
          {"queued", f.queued},
          {"decode_fps", f.decodeFps}};
}

std::optional<MovieFigures> movieFiguresFromJson(const nlohmann::json& movie) {
  if (!movie.is_object()) return std::nullopt;
  auto frame = count(movie, "frame", -1, kMostFrames);
  auto dropped = count(movie, "dropped", 0, kMostFrames);
  auto late = count(movie, "late", 0, kMostFrames);
  auto queued = count(movie, "queued", 0, kMostQueued);
  auto fps = movie.find("decode_fps");
  if (!frame || !dropped || !late || !queued || fps == movie.end() || !fps->is_number())
    return std::nullopt;
  double decodeFps = fps->get<double>();
  if (!std::isfinite(decodeFps) || decodeFps < 0 || decodeFps > kMostFps) return std::nullopt;
  return MovieFigures{*frame, *dropped, *late, static_cast<int>(*queued), decodeFps};
}

}  // namespace hw
