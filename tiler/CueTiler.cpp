#include "tiler/CueTiler.h"

#include <algorithm>
#include <cstring>

#include "tiler/FramebufferRotation.h"
#include "tiler/ParallelJobs.h"
#include "tiler/Resampler.h"

namespace hw {
namespace {

// Rows per job: enough to amortise the few media rows each band resamples
// twice, small enough to keep both cores busy to the end.
constexpr int kBandRows = 128;

void fillRows(Image& image, int rowBegin, int rowEnd, Color color) {
  if (rowBegin >= rowEnd) return;
  std::uint8_t* first = image.row(rowBegin);
  for (int x = 0; x < image.width; ++x) {
    std::uint8_t* p = first + x * 4;
    p[0] = color.r;
    p[1] = color.g;
    p[2] = color.b;
    p[3] = 255;
  }
  for (int y = rowBegin + 1; y < rowEnd; ++y) std::memcpy(image.row(y), first, image.stride());
}

}  // namespace

CueTiler::CueTiler(const WallConfig& wall, MediaSource& media)
    : wall_(wall), canvas_(wall), media_(media) {}

std::vector<CueTiler::PlacedItem> CueTiler::placeItems(const Cue& cue) {
  std::vector<PlacedItem> items;
  if (!cue.playable) return items;
  for (const LayoutItem& item : cue.items) {
    if (item.media.kind != MediaKind::Image) continue;
    LoadedMedia media = media_.load(item.media);
    Size size{media.image->width, media.image->height};
    items.push_back({std::move(media), placeItem(item, size, canvas_)});
  }
  return items;
}

void CueTiler::paint(const Cue& cue, const std::vector<PlacedItem>& items,
                     const std::vector<RectI>& windows, const std::vector<Image*>& targets) {
  struct Band {
    std::size_t target;
    int rowBegin, rowEnd;
  };
  std::vector<Band> bands;
  std::vector<std::vector<Resampler>> resamplers(targets.size());
  for (std::size_t t = 0; t < targets.size(); ++t) {
    *targets[t] = Image();
    targets[t]->width = windows[t].w;
    targets[t]->height = windows[t].h;
    targets[t]->pixels.resize(static_cast<std::size_t>(windows[t].w) * windows[t].h * 4);
    for (const PlacedItem& item : items)
      resamplers[t].emplace_back(*item.media.image, item.placement, windows[t]);
    for (int y = 0; y < windows[t].h; y += kBandRows)
      bands.push_back({t, y, std::min(windows[t].h, y + kBandRows)});
  }
  runParallel(static_cast<int>(bands.size()), [&](int i) {
    const Band& band = bands[i];
    Image& target = *targets[band.target];
    fillRows(target, band.rowBegin, band.rowEnd, cue.background);
    for (const Resampler& resampler : resamplers[band.target])
      resampler.drawRows(target, band.rowBegin, band.rowEnd);
  });
}

Image CueTiler::renderTile(const Cue& cue, const NodeConfig& node) {
  std::vector<PlacedItem> items = placeItems(cue);
  Image mounted;
  paint(cue, items, {canvas_.displayRect(node.col, node.row)}, {&mounted});
  if (node.rotation == Rotation::R0) return mounted;
  return toFramebuffer(mounted, node.rotation);
}

std::vector<Tile> CueTiler::renderAll(const Cue& cue) {
  std::vector<PlacedItem> items = placeItems(cue);
  std::vector<Tile> tiles;
  std::vector<RectI> windows;
  for (const NodeConfig& node : wall_.nodes) {
    if (!node.active) continue;
    tiles.push_back({node.id, node.col, node.row, Image()});
    windows.push_back(canvas_.displayRect(node.col, node.row));
  }
  std::vector<Image*> targets;
  for (Tile& tile : tiles) targets.push_back(&tile.image);
  paint(cue, items, windows, targets);
  runParallel(static_cast<int>(tiles.size()), [&](int i) {
    Rotation rotation = wall_.nodeAt(tiles[i].col, tiles[i].row).rotation;
    if (rotation != Rotation::R0) tiles[i].image = toFramebuffer(tiles[i].image, rotation);
  });
  return tiles;
}

Image CueTiler::renderCanvas(const Cue& cue) {
  std::vector<PlacedItem> items = placeItems(cue);
  Image canvas;
  paint(cue, items, {{0, 0, canvas_.size().w, canvas_.size().h}}, {&canvas});
  return canvas;
}

}  // namespace hw
