#pragma once

#include <map>
#include <mutex>
#include <string>

#include "config/WallConfig.h"
#include "tiler/Image.h"
#include "tiler/TextPainter.h"

namespace hw {

// What the master knows of one display for a screenshot.
struct SnapshotPanel {
  const Image* picture = nullptr;  // the node's last frame (framebuffer, any size); null: none yet
  bool connected = false;          // the node talks to the master now
  double ageSeconds = 0;           // s since the picture arrived
};

constexpr Color kNoPictureFill{34, 34, 40};  // a display whose node never sent a frame
constexpr Color kOfflineMark{235, 40, 40};   // border, cross and label of a disconnected node
constexpr int kOfflineKeepPercent = 35;      // % of brightness a disconnected node's frame keeps
constexpr Color kStaleMark{240, 170, 20};    // border and label of a connected node's old frame
// s a connected node's frame may age: it resends every 2 s, so older means
// its reports are failing and the picture may no longer be what it shows.
constexpr double kStaleSeconds = 6.0;

// The full-wall screenshot from what the nodes really showed: each node's
// last frame in its display's place, bezels and inactive panels as
// composeWallPreview draws them; a node that never sent a frame dark with
// "no picture"; a disconnected node's frame dimmed under a red cross, with a
// red border and "offline"; a connected node's frame older than
// kStaleSeconds with an amber border and its age. Thread-safe (one composition at a time: the
// text painter is not).
class WallSnapshot {
 public:
  explicit WallSnapshot(WallConfig wall);

  // `panels` by node id (a node missing: no picture, disconnected); the
  // picture fits a maxSize x maxSize box.
  Image compose(const std::map<std::string, SnapshotPanel>& panels, int maxSize);

 private:
  void label(Image& image, const std::string& text, int x, int y, int height, Color color);

  const WallConfig wall_;
  std::mutex mutex_;  // guards text_
  TextPainter text_;
};

}  // namespace hw
