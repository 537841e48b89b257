#include <map>
#include <string>
#include <vector>

#include "config/WallConfigLoader.h"

namespace hw {
namespace {

// Panels are 55-inch narrow-bezel video-wall LCDs (1209.6 x 680.4 mm picture,
// 1.75 mm frame per side, 3.5 mm glass-to-glass), the common hyperwall panel.
std::string preset(int cols, int rows, int width, int height) {
  return R"({"grid": {"cols": )" + std::to_string(cols) + R"(, "rows": )" + std::to_string(rows) +
         R"(}, "display": {"width": )" + std::to_string(width) + R"(, "height": )" +
         std::to_string(height) +
         R"(}, "panel_mm": {"width": 1209.6, "height": 680.4},
            "bezel_mm": {"left": 1.75, "right": 1.75, "top": 1.75, "bottom": 1.75},
            "bezel_compensation": true})";
}

const std::map<std::string, std::string>& presets() {
  static const std::map<std::string, std::string> table = {
      {"1x1-1080p", preset(1, 1, 1920, 1080)},
      {"2x2-1080p", preset(2, 2, 1920, 1080)},
      {"3x3-1080p", preset(3, 3, 1920, 1080)},  // the 9-screen NASA hyperwall
      {"5x3-1080p", preset(5, 3, 1920, 1080)},
      {"4x4-4k", preset(4, 4, 3840, 2160)},
  };
  return table;
}

}  // namespace

std::vector<std::string> wallPresetNames() {
  std::vector<std::string> names;
  for (const auto& [name, _] : presets()) names.push_back(name);
  return names;
}

std::string wallPresetText(const std::string& name) {
  auto it = presets().find(name);
  return it == presets().end() ? std::string() : it->second;
}

}  // namespace hw
