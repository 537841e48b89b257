#include "engine/net/WallSnapshot.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "tiler/ImageDrawing.h"
#include "tiler/WallCanvas.h"
#include "tiler/WallPreview.h"

namespace hw {
namespace {

constexpr Color kLabelBacking{0, 0, 0};
constexpr Color kLabelText{255, 255, 255};

// Pixel i belongs to whatever holds its centre i + 0.5 (as composeWallPreview rounds).
int firstPixel(double edge) { return static_cast<int>(std::ceil(edge - 0.5)); }

void dim(Image& image, int x0, int y0, int x1, int y1) {
  for (int y = std::max(0, y0); y < std::min(image.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(image.width, x1); ++x) {
      std::uint8_t* p = image.at(x, y);
      for (int c = 0; c < 3; ++c)
        p[c] = static_cast<std::uint8_t>(p[c] * kOfflineKeepPercent / 100);
    }
}

// A frame `width` pixels wide just inside [x0, x1) x [y0, y1).
void drawBorder(Image& image, int x0, int y0, int x1, int y1, int width, Color color) {
  fillRect(image, x0, y0, x1, y0 + width, color);
  fillRect(image, x0, y1 - width, x1, y1, color);
  fillRect(image, x0, y0, x0 + width, y1, color);
  fillRect(image, x1 - width, y0, x1, y1, color);
}

}  // namespace

WallSnapshot::WallSnapshot(WallConfig wall) : wall_(std::move(wall)) {}

void WallSnapshot::label(Image& image, const std::string& text, int x, int y, int height,
                         Color color) {
  Size size = text_.measure(text, height);
  fillRect(image, x, y, x + size.w + height / 2, y + size.h + 2, kLabelBacking);
  text_.draw(image, text, x + height / 4, y + 1, height, color);
}

Image WallSnapshot::compose(const std::map<std::string, SnapshotPanel>& panels, int maxSize) {
  std::vector<Tile> tiles;
  for (const NodeConfig& node : wall_.nodes) {
    auto panel = panels.find(node.id);
    if (node.active && panel != panels.end() && panel->second.picture)
      tiles.push_back({node.id, node.col, node.row, *panel->second.picture});
  }
  Image shot = composeWallPreview(wall_, tiles, maxSize);
  WallCanvas canvas(wall_);
  double scale = static_cast<double>(shot.width) / canvas.size().w;

  std::lock_guard lock(mutex_);
  for (const NodeConfig& node : wall_.nodes) {
    if (!node.active) continue;  // crossed out by composeWallPreview
    auto panel = panels.find(node.id);
    SnapshotPanel seen = panel == panels.end() ? SnapshotPanel{} : panel->second;
    RectI d = canvas.displayRect(node.col, node.row);
    int x0 = firstPixel(d.x * scale), y0 = firstPixel(d.y * scale);
    int x1 = firstPixel(d.right() * scale), y1 = firstPixel(d.bottom() * scale);
    int letters = std::clamp((y1 - y0) / 9, 10, 28);  // px high
    int margin = std::max(2, (y1 - y0) / 60);         // px, the red border's width
    if (!seen.picture) {
      fillRect(shot, x0, y0, x1, y1, kNoPictureFill);
      // Centred: a remote draws the node's name in the top-left corner over this picture.
      std::string text = node.id + " no picture";
      Size size = text_.measure(text, letters);
      label(shot, text, (x0 + x1 - size.w) / 2, (y0 + y1 - size.h) / 2, letters, kLabelText);
    }
    if (seen.connected) {
      if (seen.picture && seen.ageSeconds > kStaleSeconds) {
        drawBorder(shot, x0, y0, x1, y1, margin, kStaleMark);
        label(shot,
              node.id + " picture " + std::to_string(static_cast<int>(seen.ageSeconds)) + " s old",
              x0 + 2 * margin, y1 - 2 * margin - letters - 2, letters, kStaleMark);
      }
      continue;
    }
    if (seen.picture) {
      dim(shot, x0, y0, x1, y1);
      drawCross(shot, x0, y0, x1, y1, kOfflineMark);
    }
    drawBorder(shot, x0, y0, x1, y1, margin, kOfflineMark);
    label(shot, node.id + " offline", x0 + 2 * margin, y1 - 2 * margin - letters - 2, letters,
          kOfflineMark);
  }
  return shot;
}

}  // namespace hw
