#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "config/JsonFile.h"
#include "config/WallConfigLoader.h"
#include "engine/render/CueTileSource.h"
#include "hwshow/Playlist.h"
#include "tiler/FramebufferRotation.h"
#include "tiler/Image.h"

namespace hw::test {

// A wall of small displays so tests draw at scale 1 quickly: panels 1 px per
// mm, so a bezel of `bezelMm` per side leaves a gap of 2*bezelMm pixels.
inline WallConfig smallWall(int cols, int rows, int width = 64, int height = 36, int bezelMm = 2) {
  std::string text = R"({"grid": {"cols": )" + std::to_string(cols) + R"(, "rows": )" +
                     std::to_string(rows) + R"(}, "display": {"width": )" + std::to_string(width) +
                     R"(, "height": )" + std::to_string(height) + R"(}, "panel_mm": {"width": )" +
                     std::to_string(width) + R"(, "height": )" + std::to_string(height) +
                     R"(}, "bezel_mm": {"left": )" + std::to_string(bezelMm) + R"(, "right": )" +
                     std::to_string(bezelMm) + R"(, "top": )" + std::to_string(bezelMm) +
                     R"(, "bottom": )" + std::to_string(bezelMm) + "}}";
  return parseWallConfig(parseJsonText(text, "test-wall"), "test-wall");
}

// A gradient that differs per cue and per display, drawn in the mounted
// orientation and handed out as the framebuffer, like the tiler does.
inline Image mountedGradient(int cue, const NodeConfig& node, int width, int height) {
  Image image(width, height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      std::uint8_t* p = image.at(x, y);
      p[0] = static_cast<std::uint8_t>(x * 255 / std::max(1, width - 1));
      p[1] = static_cast<std::uint8_t>(y * 255 / std::max(1, height - 1));
      p[2] = static_cast<std::uint8_t>(40 * cue + 60 * node.col + 110 * node.row);
    }
  return image;
}

// Tiles made here, not by the tiler: each cue is a gradient or one solid colour.
class MadeTiles : public CueTileSource {
 public:
  MadeTiles(const WallConfig& wall, std::vector<Color> solid = {}) : wall_(wall), solid_(solid) {}
  Image tileFor(std::size_t cue, const NodeConfig& node) override {
    Image mounted = cue < solid_.size()
                        ? Image(wall_.displayWidth, wall_.displayHeight, solid_[cue])
                        : mountedGradient(int(cue), node, wall_.displayWidth, wall_.displayHeight);
    return toFramebuffer(mounted, node.rotation);
  }

 private:
  const WallConfig& wall_;
  std::vector<Color> solid_;  // colour per cue; cues past the end are gradients
};

inline Playlist showOf(int cues, double seconds, Transition transition = {TransitionType::Cut, 0},
                       bool loop = false) {
  Playlist playlist;
  playlist.loop = loop;
  for (int i = 0; i < cues; ++i) {
    Cue cue;
    cue.title = "cue " + std::to_string(i + 1);
    cue.durationSeconds = seconds;
    cue.transition = transition;
    cue.background = {static_cast<std::uint8_t>(10 + i), 20, 30};
    playlist.cues.push_back(cue);
  }
  return playlist;
}

inline ::testing::AssertionResult pixelNear(const Image& image, int x, int y, int r, int g, int b,
                                            int tolerance = 2) {
  const std::uint8_t* p = image.at(x, y);
  if (std::abs(p[0] - r) <= tolerance && std::abs(p[1] - g) <= tolerance &&
      std::abs(p[2] - b) <= tolerance)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "pixel (" << x << "," << y << ") is " << int(p[0]) << "," << int(p[1]) << ","
         << int(p[2]) << ", expected " << r << "," << g << "," << b << " +-" << tolerance;
}

inline ::testing::AssertionResult pixelNear(const Image& image, int x, int y, Color c,
                                            int tolerance = 2) {
  return pixelNear(image, x, y, c.r, c.g, c.b, tolerance);
}

}  // namespace hw::test
