#pragma once

#include <functional>
#include <string>

#include "tiler/Image.h"
#include "tiler/TextPainter.h"

// The scenes of the first-light example (examples/first-light), drawn at
// build time by hw_example_pictures and hw_example_movie. Drawing depends only
// on the pixel position (and, for the moving aurora, the time), so every size
// shows the same picture and builds are repeatable.
namespace hw::examples {

struct Rgb {
  double r, g, b;  // 0..255
};

// u, v: 0..1 across and down; aspect: width / height.
using Scene = std::function<Rgb(double u, double v, double aspect)>;

Rgb planet(double u, double v, double aspect);
Rgb sunrise(double u, double v, double aspect);
Rgb aurora(double u, double v, double aspect);

// s after which the moving aurora is where it started: its movie loops seamlessly.
constexpr double kAuroraLoopSeconds = 4.0;
// What the aurora is at column u, time t (s): worked out once per column.
struct AuroraColumn {
  double base;   // v of the curtain's foot
  double rays;   // 0..1, brightness of the curtain's rays here
  double ridge;  // v of the mountains' top
};
AuroraColumn auroraColumn(double u, double t);
// The aurora picture at `column`'s time; aurora(u, v, aspect) is time 0.
Rgb aurora(double u, double v, double aspect, const AuroraColumn& column);

Image draw(const Scene& scene, int width, int height);

// "hyperwall example · <what>" along the bottom left, as every example picture says.
void caption(Image& image, const std::string& what, TextPainter& text);

}  // namespace hw::examples
