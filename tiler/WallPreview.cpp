#include "tiler/WallPreview.h"

#include <algorithm>
#include <cmath>

#include "tiler/FramebufferRotation.h"
#include "tiler/ImageDrawing.h"
#include "tiler/ParallelJobs.h"
#include "tiler/Resampler.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

constexpr Color kBezel{10, 10, 10};
constexpr Color kInactive{64, 18, 18};
constexpr Color kInactiveCross{150, 40, 40};

}  // namespace

Image composeWallPreview(const WallConfig& wall, const std::vector<Tile>& tiles, int maxSize) {
  WallCanvas canvas(wall);
  double scale = std::min({1.0, static_cast<double>(maxSize) / canvas.size().w,
                           static_cast<double>(maxSize) / canvas.size().h});
  Image preview(std::max(1, static_cast<int>(std::lround(canvas.size().w * scale))),
                std::max(1, static_cast<int>(std::lround(canvas.size().h * scale))), kBezel);
  RectI window{0, 0, preview.width, preview.height};
  auto previewRect = [&](int col, int row) {
    RectI d = canvas.displayRect(col, row);
    return RectD{d.x * scale, d.y * scale, d.w * scale, d.h * scale};
  };

  runParallel(static_cast<int>(tiles.size()), [&](int i) {
    const Tile& tile = tiles[i];
    const NodeConfig& node = wall.nodeAt(tile.col, tile.row);
    Image turned;
    if (node.rotation != Rotation::R0) turned = toMounted(tile.image, node.rotation);
    const Image& mounted = node.rotation == Rotation::R0 ? tile.image : turned;
    if (mounted.empty()) return;
    RectD where = previewRect(tile.col, tile.row);
    Resampler(mounted, {{mounted.width, mounted.height}, where, where}, window)
        .drawRows(preview, 0, preview.height);
  });

  // Bezels stay visible even where the gap is under a preview pixel (or off).
  // Pixel i belongs to whatever holds its centre i + 0.5.
  auto firstPixel = [](double edge) { return static_cast<int>(std::ceil(edge - 0.5)); };
  for (int col = 1; col < wall.cols; ++col) {
    int x0 = firstPixel(previewRect(col - 1, 0).right());
    int x1 = std::max(x0 + 1, firstPixel(previewRect(col, 0).x));
    fillRect(preview, x0, 0, x1, preview.height, kBezel);
  }
  for (int row = 1; row < wall.rows; ++row) {
    int y0 = firstPixel(previewRect(0, row - 1).bottom());
    int y1 = std::max(y0 + 1, firstPixel(previewRect(0, row).y));
    fillRect(preview, 0, y0, preview.width, y1, kBezel);
  }
  for (const NodeConfig& node : wall.nodes) {
    if (node.active) continue;
    RectD r = previewRect(node.col, node.row);
    int x0 = firstPixel(r.x), y0 = firstPixel(r.y);
    int x1 = firstPixel(r.right()), y1 = firstPixel(r.bottom());
    fillRect(preview, x0, y0, x1, y1, kInactive);
    drawCross(preview, x0, y0, x1, y1, kInactiveCross);
  }
  return preview;
}

}  // namespace hw
