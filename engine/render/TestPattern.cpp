#include "engine/render/TestPattern.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "tiler/FramebufferRotation.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

constexpr double kHalfLineWidth = 1.5;  // px, lines are 3 px thick

void put(Image& image, int x, int y, Color color) {
  std::uint8_t* p = image.at(x, y);
  p[0] = color.r, p[1] = color.g, p[2] = color.b, p[3] = 255;
}

// Distance from canvas point (x, y) to the infinite line through a and b.
double distanceToLine(double x, double y, double ax, double ay, double bx, double by) {
  double dx = bx - ax, dy = by - ay;
  return std::abs(dy * (x - ax) - dx * (y - ay)) / std::hypot(dx, dy);
}

Color hueAt(double fraction) {
  double h = fraction * 6.0;
  int sector = std::min(5, static_cast<int>(h));
  auto rise = static_cast<std::uint8_t>(std::lround((h - sector) * 255));
  auto fall = static_cast<std::uint8_t>(255 - rise);
  switch (sector) {
    case 0:
      return {255, rise, 0};
    case 1:
      return {fall, 255, 0};
    case 2:
      return {0, 255, rise};
    case 3:
      return {0, fall, 255};
    case 4:
      return {rise, 0, 255};
    default:
      return {255, 0, fall};
  }
}

// Grey and colour ramps across the middle of the lower part of the display.
void drawRamps(Image& image) {
  int x0 = image.width / 10, x1 = image.width - image.width / 10;
  int band = std::max(1, image.height / 16);
  int greyTop = image.height * 11 / 16;
  for (int x = x0; x < x1; ++x) {
    double fraction = double(x - x0) / std::max(1, x1 - x0 - 1);
    auto level = static_cast<std::uint8_t>(std::lround(fraction * 255));
    Color hue = hueAt(fraction);
    for (int y = greyTop; y < greyTop + band; ++y) put(image, x, y, {level, level, level});
    for (int y = greyTop + band; y < std::min(image.height, greyTop + 2 * band); ++y)
      put(image, x, y, hue);
  }
}

void drawLabel(Image& image, const WallConfig& wall, const NodeConfig& node, TextPainter& text) {
  const Color white{255, 255, 255};
  std::string rotation =
      node.rotation == Rotation::R0 ? "" : ", mounted " + std::to_string(int(node.rotation)) + "°";
  const std::string lines[] = {
      node.id, "column " + std::to_string(node.col) + ", row " + std::to_string(node.row),
      std::to_string(wall.displayWidth) + " x " + std::to_string(wall.displayHeight) + rotation};
  const int heights[] = {std::max(8, image.height / 8), std::max(6, image.height / 18),
                         std::max(6, image.height / 18)};
  int y = image.height / 4;
  for (int i = 0; i < 3; ++i) {
    Size size = text.measure(lines[i], heights[i]);
    text.draw(image, lines[i], (image.width - size.w) / 2, y, heights[i], white);
    y += size.h + heights[i] / 4;
  }
}

}  // namespace

Image testPatternTile(const WallConfig& wall, const NodeConfig& node, TextPainter& text) {
  WallCanvas canvas(wall);
  RectI place = canvas.displayRect(node.col, node.row);
  double cw = canvas.size().w, ch = canvas.size().h;
  double radius = 0.45 * std::min(cw, ch);
  double cornerRadius = 0.3 * wall.displayHeight;
  int lattice = std::max(8, wall.displayHeight / 4);

  std::vector<std::pair<double, double>> corners;  // canvas px, centres of bezel crossings
  for (int col = std::max(1, node.col); col <= std::min(wall.cols - 1, node.col + 1); ++col) {
    for (int row = std::max(1, node.row); row <= std::min(wall.rows - 1, node.row + 1); ++row) {
      RectI corner = canvas.displayRect(col, row);
      corners.emplace_back(corner.x - canvas.gapX() / 2.0, corner.y - canvas.gapY() / 2.0);
    }
  }

  Image image(place.w, place.h, kPatternBackground);
  drawRamps(image);
  for (int y = 0; y < place.h; ++y) {
    for (int x = 0; x < place.w; ++x) {
      // Pixel centre on the canvas.
      double cx = place.x + x + 0.5, cy = place.y + y + 0.5;
      int X = place.x + x, Y = place.y + y;
      if ((X - Y) % lattice == 0 || (X + Y) % lattice == 0) put(image, x, y, kPatternLattice);
      if (x < 2 || y < 2 || x >= place.w - 2 || y >= place.h - 2) put(image, x, y, kPatternEdge);

      bool onCircle = std::abs(std::hypot(cx - cw / 2, cy - ch / 2) - radius) <= kHalfLineWidth;
      // Circles around the points where four displays meet; they reach only
      // the displays that share the point.
      for (const auto& [mx, my] : corners)
        onCircle =
            onCircle || std::abs(std::hypot(cx - mx, cy - my) - cornerRadius) <= kHalfLineWidth;
      if (onCircle) put(image, x, y, kPatternCircle);
      if (distanceToLine(cx, cy, 0, 0, cw, ch) <= kHalfLineWidth)
        put(image, x, y, kPatternDiagonalDown);
      if (distanceToLine(cx, cy, 0, ch, cw, 0) <= kHalfLineWidth)
        put(image, x, y, kPatternDiagonalUp);
    }
  }
  drawLabel(image, wall, node, text);
  return toFramebuffer(image, node.rotation);
}

}  // namespace hw
