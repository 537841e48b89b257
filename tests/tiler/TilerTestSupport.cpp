#include "tests/tiler/TilerTestSupport.h"

#include <SDL.h>
#include <SDL_image.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <random>
#include <stdexcept>

namespace hw::test {

Image makePhotoLike(int width, int height, unsigned seed) {
  Image image(width, height);
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> noise(-12, 12);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      double fx = static_cast<double>(x) / width, fy = static_cast<double>(y) / height;
      int detail = ((x / 37) ^ (y / 23)) % 5 * 9;
      std::uint8_t* p = image.at(x, y);
      p[0] = static_cast<std::uint8_t>(
          std::clamp(int(200 * fx + 40 * std::sin(fy * 9)) + detail + noise(random), 0, 255));
      p[1] = static_cast<std::uint8_t>(
          std::clamp(int(180 * fy + 50 * std::cos(fx * 7)) + noise(random), 0, 255));
      p[2] = static_cast<std::uint8_t>(
          std::clamp(int(255 * (1 - fx * fy)) - detail + noise(random), 0, 255));
    }
  }
  return image;
}

Image makeColourBlocks(int width, int height, int block, unsigned seed) {
  Image image(width, height);
  std::mt19937 random(seed);
  int bw = (width + block - 1) / block, bh = (height + block - 1) / block;
  std::vector<Color> colours(static_cast<std::size_t>(bw) * bh);
  for (Color& c : colours)
    c = {static_cast<std::uint8_t>(random() % 256), static_cast<std::uint8_t>(random() % 256),
         static_cast<std::uint8_t>(random() % 256)};
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const Color& c = colours[static_cast<std::size_t>(y / block) * bw + x / block];
      std::uint8_t* p = image.at(x, y);
      p[0] = c.r, p[1] = c.g, p[2] = c.b;
    }
  }
  return image;
}

void writeJpegFile(const Image& image, const std::filesystem::path& path, int quality) {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormatFrom(
      const_cast<std::uint8_t*>(image.pixels.data()), image.width, image.height, 32, image.stride(),
      SDL_PIXELFORMAT_RGBA32);
  int status = surface ? IMG_SaveJPG(surface, path.string().c_str(), quality) : -1;
  SDL_FreeSurface(surface);
  if (status != 0) throw std::runtime_error(path.string() + ": " + IMG_GetError());
}

Image crop(const Image& image, const RectI& rect) {
  Image out(rect.w, rect.h);
  for (int y = 0; y < rect.h; ++y)
    std::copy_n(image.at(rect.x, rect.y + y), rect.w * 4, out.row(y));
  return out;
}

int maxChannelDifference(const Image& a, const Image& b) {
  if (a.width != b.width || a.height != b.height) return 256;
  int worst = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i)
    worst = std::max(worst, std::abs(int(a.pixels[i]) - int(b.pixels[i])));
  return worst;
}

WallConfig makeWall(int cols, int rows, int width, int height, double bezelMm) {
  WallConfig wall;
  wall.name = "test";
  wall.cols = cols;
  wall.rows = rows;
  wall.displayWidth = width;
  wall.displayHeight = height;
  wall.panelWidthMm = width;  // 1 px per mm: a bezel of b mm per side is a 2b px gap
  wall.panelHeightMm = height;
  wall.bezelMm = {bezelMm, bezelMm, bezelMm, bezelMm};
  for (int row = 0; row < rows; ++row)
    for (int col = 0; col < cols; ++col) {
      NodeConfig node;
      node.id = "r" + std::to_string(row) + "c" + std::to_string(col);
      node.col = col;
      node.row = row;
      wall.nodes.push_back(node);
    }
  return wall;
}

Cue imageCue(const std::string& uri, FitMode fit, Color background) {
  Cue cue;
  cue.title = "test";
  cue.background = background;
  LayoutItem item;
  item.media.uri = uri;
  item.fit = fit;
  cue.items.push_back(item);
  return cue;
}

}  // namespace hw::test
