#include "engine/net/SoundFiguresJson.h"

#include <cmath>

namespace hw {
namespace {

constexpr double kMostError = 3600;                // s; a sound further off is no figure
constexpr double kLeastRate = 0.5, kMostRate = 2;  // master s per s of sound
constexpr std::int64_t kMostJumps = std::int64_t{1} << 40;

}  // namespace

nlohmann::json soundFiguresToJson(const SoundFigures& f) {
  return {{"playing", f.playing},
          {"error_s", f.error},
          {"device_rate", f.deviceRate},
          {"jumps", f.jumps}};
}

std::optional<SoundFigures> soundFiguresFromJson(const nlohmann::json& sound) {
  if (!sound.is_object()) return std::nullopt;
  auto playing = sound.find("playing");
  auto error = sound.find("error_s");
  auto rate = sound.find("device_rate");
  auto jumps = sound.find("jumps");
  if (playing == sound.end() || !playing->is_boolean() || error == sound.end() ||
      !error->is_number() || rate == sound.end() || !rate->is_number() || jumps == sound.end() ||
      !jumps->is_number_integer())
    return std::nullopt;
  SoundFigures f{playing->get<bool>(), error->get<double>(), rate->get<double>(), 0};
  if (!std::isfinite(f.error) || std::abs(f.error) > kMostError || !std::isfinite(f.deviceRate) ||
      f.deviceRate < kLeastRate || f.deviceRate > kMostRate)
    return std::nullopt;
  if (jumps->is_number_unsigned() &&
      jumps->get<std::uint64_t>() > static_cast<std::uint64_t>(kMostJumps))
    return std::nullopt;
  f.jumps = jumps->get<std::int64_t>();
  if (f.jumps < 0 || f.jumps > kMostJumps) return std::nullopt;
  return f;
}

}  // namespace hw
