#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "config/WallConfig.h"
#include "config/WallConfigLoader.h"
#include "hwshow/LocalMirror.h"

namespace hw::fuzz {

// libFuzzer's bytes as the text a parser is handed.
inline std::string text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// The wall shows are sized for, built once per process.
inline const WallConfig& wall() {
  static const WallConfig preset = loadWallConfig("3x3-1080p");
  return preset;
}

// A mirror with nothing in it: parsers may look for cached copies, never find one.
inline const LocalMirror& emptyMirror() {
  static const LocalMirror mirror("/nonexistent/hyperwall-fuzz-mirror");
  return mirror;
}

}  // namespace hw::fuzz
