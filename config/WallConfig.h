#pragma once

#include <string>
#include <vector>

namespace hw {

// How a panel is mounted, in degrees clockwise. The wall is always laid out in
// the mounted orientation; a rotated panel's own framebuffer is turned back.
enum class Rotation { R0 = 0, R90 = 90, R180 = 180, R270 = 270 };

// The frame around a panel's picture area, in millimetres, per side.
struct BezelMm {
  double left = 0;    // mm, frame left of the picture
  double right = 0;   // mm, frame right of the picture
  double top = 0;     // mm, frame above the picture
  double bottom = 0;  // mm, frame below the picture
};

// One display of the wall and the render node that drives it.
struct NodeConfig {
  std::string id;                    // unique name, used by `hyperwall node --id`
  std::string host;                  // host name or address of the render PC; "" = any
  int display = 0;                   // SDL display index on that host (0 = first monitor)
  int col = 0;                       // grid column, 0 = leftmost
  int row = 0;                       // grid row, 0 = top
  Rotation rotation = Rotation::R0;  // degrees clockwise the panel is mounted
  bool active = true;                // false: a dead or absent panel, skipped everywhere
  bool audio = false;                // true: this node plays the show's sound on its sound device
};

// The physical wall: a grid of identical displays separated by bezels.
struct WallConfig {
  std::string name;               // preset name or the file it was read from
  int cols = 1;                   // displays across
  int rows = 1;                   // displays down
  int displayWidth = 1920;        // pixels across one display, as mounted on the wall
  int displayHeight = 1080;       // pixels down one display, as mounted on the wall
  double panelWidthMm = 1209.6;   // mm, width of one display's picture area, as mounted
  double panelHeightMm = 680.4;   // mm, height of one display's picture area, as mounted
  BezelMm bezelMm;                // mm, frame around each picture area
  bool bezelCompensation = true;  // true: canvas pixels hidden behind bezels are skipped
  std::vector<NodeConfig> nodes;  // exactly one per grid cell, row-major
  std::string key;                // shared secret nodes and control tools present; "" = open wall
  // Where nodes find the master without --master: HOST, HOST:PORT or
  // http://HOST:PORT, as --master takes it; "" = give --master.
  std::string master;
  // Mpx/s of movie one node decodes in real time (width x height x fps): a
  // movie above it plays from per-display movies the master prepares. The
  // default is 3840x2160 at 30 fps, what a wall PC's decoder sustains.
  double nodeDecodeMpxPerSecond = 250.0;

  // Bezel gap between neighbouring displays in canvas pixels (0 when
  // compensation is off). Rounded to whole pixels so every display starts on
  // a pixel boundary of the canvas; the error is under half a pixel of glass.
  int gapXPixels() const;
  int gapYPixels() const;

  const NodeConfig& nodeAt(int col, int row) const;
  const NodeConfig* findNode(const std::string& id) const;
  int activeNodeCount() const;
};

}  // namespace hw
