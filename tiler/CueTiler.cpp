#include "tiler/CueTiler.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "tiler/FramebufferRotation.h"
#include "tiler/ParallelJobs.h"
#include "tiler/Resampler.h"

namespace hw {
namespace {

// Rows per job: enough to amortise the few media rows each band resamples
// twice, small enough to keep both cores busy to the end.
constexpr int kBandRows = 128;

// Fills rows [rowBegin, rowEnd) with `color`, except `keep` (window px), which
// the first item is about to cover completely anyway.
void fillBackground(Image& image, int rowBegin, int rowEnd, Color color, const RectI& keep) {
  std::vector<std::uint8_t> line(image.stride());
  for (int x = 0; x < image.width; ++x) {
    std::uint8_t* p = line.data() + x * 4;
    p[0] = color.r, p[1] = color.g, p[2] = color.b, p[3] = 255;
  }
  for (int y = rowBegin; y < rowEnd; ++y) {
    if (y < keep.y || y >= keep.bottom() || keep.empty()) {
      std::memcpy(image.row(y), line.data(), line.size());
      continue;
    }
    std::memcpy(image.row(y), line.data(), keep.x * 4);
    std::memcpy(image.at(keep.right(), y), line.data(), (image.width - keep.right()) * 4);
  }
}

}  // namespace

CueTiler::CueTiler(const WallConfig& wall, MediaSource& media)
    : wall_(wall), canvas_(wall), media_(media) {}

std::vector<CueTiler::PlacedItem> CueTiler::placeItems(const Cue& cue, const NodeConfig* display,
                                                       const MovieFrames& movieFrames) {
  std::vector<PlacedItem> items;
  if (!cue.playable) return items;
  for (const LayoutItem& item : cue.items) {
    auto movieFrame = movieFrames.find(item.media.uri);
    bool movie = item.media.kind == MediaKind::Movie;
    if (movie && (movieFrame == movieFrames.end() || !movieFrame->second)) continue;
    if (display && !itemFallsOnDisplay(item, canvas_, display->col, display->row)) continue;
    // Video is opaque: nothing under a movie's picture needs drawing.
    LoadedMedia media = movie ? LoadedMedia{movieFrame->second, false, true, item.media.uri}
                              : media_.load(item.media);
    Size size{media.image->width, media.image->height};
    items.push_back({std::move(media), placeItem(item, size, canvas_)});
  }
  return items;
}

void CueTiler::paint(const Cue& cue, const std::vector<PlacedItem>& items,
                     const std::vector<RectI>& windows, const std::vector<Image*>& targets) {
  const int count = static_cast<int>(targets.size());
  // A new frame's allocation and zeroing costs as much as a pass over it: both cores.
  // Every pixel is drawn below (background or an opaque item), so recycled
  // frames need no clearing.
  runParallel(count, [&](int t) {
    Image frame;
    frame.width = windows[t].w;
    frame.height = windows[t].h;
    frame.pixels = frames_.take(static_cast<std::size_t>(frame.width) * frame.height * 4);
    *targets[t] = std::move(frame);
  });
  struct Band {
    int target;
    int rowBegin, rowEnd;
  };
  std::vector<Band> bands;
  std::vector<std::vector<Resampler>> resamplers(count);
  for (int t = 0; t < count; ++t) {
    for (const PlacedItem& item : items)
      resamplers[t].emplace_back(*item.media.image, item.placement, windows[t], item.media.opaque);
    for (int y = 0; y < windows[t].h; y += kBandRows)
      bands.push_back({t, y, std::min(windows[t].h, y + kBandRows)});
  }
  runParallel(static_cast<int>(bands.size()), [&](int i) {
    const Band& band = bands[i];
    Image& target = *targets[band.target];
    const std::vector<Resampler>& layers = resamplers[band.target];
    RectI covered = !layers.empty() && layers[0].opaque() ? layers[0].drawnRect() : RectI{};
    fillBackground(target, band.rowBegin, band.rowEnd, cue.background, covered);
    for (const Resampler& layer : layers) layer.drawRows(target, band.rowBegin, band.rowEnd);
  });
}

Image CueTiler::renderTile(const Cue& cue, const NodeConfig& node, const MovieFrames& movieFrames) {
  // The display's own movie is its whole framebuffer, cut ahead of time.
  if (auto own = cue.displayMovies.find(node.id); own != cue.displayMovies.end())
    if (auto picture = movieFrames.find(own->second);
        picture != movieFrames.end() && picture->second)
      return *picture->second;
  std::vector<PlacedItem> items = placeItems(cue, &node, movieFrames);
  Image mounted;
  paint(cue, items, {canvas_.displayRect(node.col, node.row)}, {&mounted});
  if (node.rotation == Rotation::R0) return mounted;
  Image framebuffer = toFramebuffer(mounted, node.rotation);
  recycle(std::move(mounted));
  return framebuffer;
}

std::vector<Tile> CueTiler::renderAll(const Cue& cue, const MovieFrames& movieFrames) {
  std::vector<PlacedItem> items = placeItems(cue, nullptr, movieFrames);
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
  std::vector<int> turned;
  for (int i = 0; i < static_cast<int>(tiles.size()); ++i)
    if (wall_.nodeAt(tiles[i].col, tiles[i].row).rotation != Rotation::R0) turned.push_back(i);
  runParallel(static_cast<int>(turned.size()), [&](int i) {
    Tile& tile = tiles[turned[i]];
    Image framebuffer = toFramebuffer(tile.image, wall_.nodeAt(tile.col, tile.row).rotation);
    recycle(std::exchange(tile.image, std::move(framebuffer)));
  });
  return tiles;
}

Image CueTiler::renderCanvas(const Cue& cue) {
  std::vector<PlacedItem> items = placeItems(cue);
  Image canvas;
  paint(cue, items, {{0, 0, canvas_.size().w, canvas_.size().h}}, {&canvas});
  return canvas;
}

void CueTiler::recycle(Image&& frame) { frames_.give(std::move(frame.pixels)); }

void CueTiler::recycle(std::vector<Tile>&& tiles) {
  for (Tile& tile : tiles) recycle(std::move(tile.image));
  tiles.clear();
}

}  // namespace hw
