#include "engine/control/WallSnapshotPainter.h"

#include <SDL.h>
#include <SDL_image.h>

#include <cstdint>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "engine/control/PngEncoding.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

using SurfacePtr = std::unique_ptr<SDL_Surface, decltype(&SDL_FreeSurface)>;

SurfacePtr newSurface(int w, int h) {
  SurfacePtr s(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32), SDL_FreeSurface);
  if (!s) throw std::runtime_error(std::string("cannot make a picture: ") + SDL_GetError());
  return s;
}

SDL_Rect scaled(const RectI& r, double scale) {
  int x0 = static_cast<int>(r.x * scale), y0 = static_cast<int>(r.y * scale);
  int x1 = static_cast<int>(r.right() * scale), y1 = static_cast<int>(r.bottom() * scale);
  return {x0, y0, std::max(1, x1 - x0), std::max(1, y1 - y0)};
}

void fill(SDL_Surface* s, const SDL_Rect& r, Color c) {
  SDL_FillRect(s, &r, SDL_MapRGBA(s->format, c.r, c.g, c.b, 255));
}

// Each item's file as it fits its region; files that cannot be read stay background.
void drawItems(SDL_Surface* target, const Cue& cue, const WallCanvas& canvas, double scale) {
  for (const LayoutItem& item : cue.items) {
    SurfacePtr picture(IMG_Load(item.media.uri.c_str()), SDL_FreeSurface);
    if (!picture) continue;
    SDL_Rect area = scaled(canvas.regionRect(item.region), scale);
    double sx = double(area.w) / picture->w, sy = double(area.h) / picture->h;
    double s = item.fit == FitMode::Fill ? std::max(sx, sy) : std::min(sx, sy);
    SDL_Rect placed = area;
    if (item.fit != FitMode::Stretch) {
      placed.w = std::max(1, static_cast<int>(picture->w * s));
      placed.h = std::max(1, static_cast<int>(picture->h * s));
      placed.x = area.x + static_cast<int>((area.w - placed.w) * item.anchor.x);
      placed.y = area.y + static_cast<int>((area.h - placed.h) * item.anchor.y);
    }
    SDL_SetClipRect(target, &area);
    SDL_BlitScaled(picture.get(), nullptr, target, &placed);
    SDL_SetClipRect(target, nullptr);
  }
}

void drawTestPattern(SDL_Surface* target, const SDL_Rect& display) {
  static constexpr Color kBars[] = {{192, 192, 192}, {192, 192, 0}, {0, 192, 192}, {0, 192, 0},
                                    {192, 0, 192},   {192, 0, 0},   {0, 0, 192}};
  for (int i = 0; i < 7; ++i) {
    fill(target, {display.x + display.w * i / 7, display.y, display.w / 7 + 1, display.h}, kBars[i]);
  }
}

void crossOut(SDL_Surface* target, const SDL_Rect& d) {
  fill(target, d, {40, 0, 0});
  int thickness = std::max(1, std::min(d.w, d.h) / 20);
  for (int i = 0; i < std::min(d.w, d.h); ++i) {
    int x = d.x + i * d.w / std::min(d.w, d.h), y = d.y + i * d.h / std::min(d.w, d.h);
    fill(target, {x, y, thickness, thickness}, {220, 40, 40});
    fill(target, {d.x + d.w - 1 - (x - d.x) - thickness, y, thickness, thickness}, {220, 40, 40});
  }
}

// The surface's rows as an Image (surfaces may pad their rows).
Image toImage(const SDL_Surface* surface) {
  Image image(surface->w, surface->h);
  for (int y = 0; y < surface->h; ++y) {
    const auto* row = static_cast<const std::uint8_t*>(surface->pixels) + y * surface->pitch;
    std::copy(row, row + image.stride(), image.row(y));
  }
  return image;
}

}  // namespace

WallSnapshotPainter::WallSnapshotPainter(WallConfig wall, int width)
    : wall_(std::move(wall)), width_(width) {}

std::string WallSnapshotPainter::wallPng(const Cue* cue, bool testPattern, bool blank) const {
  WallCanvas canvas(wall_);
  double scale = double(width_) / canvas.size().w;
  SurfacePtr picture = newSurface(width_, std::max(1, static_cast<int>(canvas.size().h * scale)));
  fill(picture.get(), {0, 0, picture->w, picture->h}, {24, 24, 24});  // bezels
  SurfacePtr content = newSurface(picture->w, picture->h);
  fill(content.get(), {0, 0, content->w, content->h}, cue && !blank ? cue->background : Color{});
  if (cue && !blank) drawItems(content.get(), *cue, canvas, scale);
  for (const NodeConfig& node : wall_.nodes) {
    SDL_Rect display = scaled(canvas.displayRect(node.col, node.row), scale);
    if (!node.active) {
      crossOut(picture.get(), display);
    } else if (testPattern) {
      drawTestPattern(picture.get(), display);
    } else {
      SDL_Rect from = display;
      SDL_BlitSurface(content.get(), &from, picture.get(), &display);
    }
  }
  return encodePng(toImage(picture.get()));
}

}  // namespace hw
