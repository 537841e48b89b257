#include "examples/ExampleScenes.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace hw::examples {
namespace {

Rgb mix(Rgb a, Rgb b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

Rgb scaled(Rgb c, double k) { return {c.r * k, c.g * k, c.b * k}; }
Rgb plus(Rgb a, Rgb b) { return {a.r + b.r, a.g + b.g, a.b + b.b}; }

double hash(int x, int y, int seed) {
  std::uint32_t h = static_cast<std::uint32_t>(x) * 374761393u +
                    static_cast<std::uint32_t>(y) * 668265263u + static_cast<std::uint32_t>(seed);
  h = (h ^ (h >> 13)) * 1274126177u;
  return ((h ^ (h >> 16)) & 0xFFFFFF) / double(0xFFFFFF);
}

// Smooth value noise in 0..1, then five octaves of it.
double noise(double x, double y, int seed) {
  int ix = static_cast<int>(std::floor(x)), iy = static_cast<int>(std::floor(y));
  double fx = x - ix, fy = y - iy;
  double sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
  double top = hash(ix, iy, seed) + (hash(ix + 1, iy, seed) - hash(ix, iy, seed)) * sx;
  double bottom =
      hash(ix, iy + 1, seed) + (hash(ix + 1, iy + 1, seed) - hash(ix, iy + 1, seed)) * sx;
  return top + (bottom - top) * sy;
}

double fbm(double x, double y, int seed) {
  double sum = 0, amplitude = 0.5;
  for (int octave = 0; octave < 5; ++octave) {
    sum += amplitude * noise(x, y, seed + octave * 101);
    x *= 2.03;
    y *= 2.03;
    amplitude *= 0.5;
  }
  return sum / 0.97;
}

// A star at about one in 700 cells of a 1/900-height grid, the same on every size.
Rgb stars(double u, double v, double aspect) {
  int cx = static_cast<int>(u * aspect * 900), cy = static_cast<int>(v * 900);
  double h = hash(cx, cy, 7);
  if (h < 0.9985) return {0, 0, 0};
  double k = (h - 0.9985) / 0.0015;
  return {200 * k + 40, 200 * k + 40, 230 * k + 25};
}

// u, v: 0..1 across and down; aspect: width / height.

double hills(double u, double height, double wobble, int seed) {
  return height + 0.035 * std::sin(u * wobble) + 0.05 * (fbm(u * 3.0, 0.5, seed) - 0.5);
}

}  // namespace

Rgb planet(double u, double v, double aspect) {
  double x = (u - 0.5) * aspect, y = v - 0.53, radius = 0.38;
  double dx = x / radius, dy = y / radius, d2 = dx * dx + dy * dy;
  Rgb space = plus({2, 3, 10}, stars(u, v, aspect));
  if (d2 > 1.0) {
    double rim = std::sqrt(d2) - 1.0;  // the atmosphere's glow just outside the disc
    return plus(space, scaled({70, 140, 255}, std::exp(-rim * 28) * 0.9));
  }
  double dz = std::sqrt(1.0 - d2);
  double lx = -0.55, ly = -0.35, lz = 0.76;
  double light = std::max(0.0, dx * lx + dy * ly + dz * lz);
  double tu = dx / (1.3 + dz) * 3.2, tv = dy / (1.3 + dz) * 3.2;
  double land = fbm(tu + 4.1, tv + 1.7, 11);
  Rgb ground = land > 0.54 ? mix({70, 120, 50}, {150, 125, 80}, (land - 0.54) * 5)
                           : mix({8, 30, 90}, {20, 70, 150}, land * 1.6);
  // Ice caps with a ragged edge: a straight cut reads as a drawing error.
  if (std::abs(dy) + 0.12 * (fbm(tu * 2.5, tv * 2.5, 7) - 0.5) > 0.88) ground = {235, 240, 245};
  double cloud = std::clamp((fbm(tu * 1.7 + 9, tv * 1.7 - 3, 23) - 0.52) * 3.5, 0.0, 0.85);
  Rgb surface = mix(ground, {245, 245, 250}, cloud);
  Rgb lit = scaled(surface, 0.04 + 0.96 * light);
  return plus(lit, scaled({60, 120, 255}, std::pow(1.0 - dz, 3) * 0.6));  // limb haze
}

Rgb sunrise(double u, double v, double aspect) {
  Rgb sky = v < 0.45 ? mix({12, 22, 70}, {120, 70, 120}, v / 0.45)
                     : mix({120, 70, 120}, {255, 170, 90}, (v - 0.45) / 0.3);
  double sx = (u - 0.62) * aspect, sy = v - 0.66;
  double distance = std::sqrt(sx * sx + sy * sy);
  sky = plus(sky, scaled({255, 200, 120}, std::exp(-distance * 9) * 0.8));
  if (distance < 0.055) sky = mix({255, 245, 210}, sky, std::pow(distance / 0.055, 8));
  double streak = fbm(u * 6, v * 40, 31);  // thin clouds lit from below
  if (v < 0.6) sky = mix(sky, {255, 140, 110}, std::max(0.0, streak - 0.6) * 1.8);
  if (v > hills(u, 0.70, 9.0, 41)) sky = mix({70, 40, 75}, sky, 0.25);
  if (v > hills(u, 0.80, 5.0, 43)) sky = {28, 16, 34};
  return sky;
}

AuroraColumn auroraColumn(double u, double t) {
  constexpr double kTurn = 2 * 3.14159265358979 / kAuroraLoopSeconds;  // rad/s: one sway a loop
  AuroraColumn column;
  column.base =
      0.52 + 0.07 * std::sin(u * 7.0 + 1.0 + kTurn * t) + 0.04 * std::sin(u * 17.0 - 2 * kTurn * t);
  column.rays = 0.55 + 0.45 * std::sin(u * 140.0 + 6.0 * fbm(u * 4, 0.3, 51) - 3 * kTurn * t);
  column.ridge = 0.80 + 0.06 * std::abs(std::sin(u * 4.0 + 0.5)) + 0.04 * fbm(u * 8, 0.1, 61);
  return column;
}

Rgb aurora(double u, double v, double aspect, const AuroraColumn& column) {
  Rgb sky = plus(mix({2, 4, 16}, {10, 30, 50}, v), stars(u, v, aspect));
  double above = column.base - v;
  double glow = above > 0 ? std::exp(-above / 0.22) : std::exp(above / 0.015);
  Rgb curtain = mix({40, 255, 140}, {170, 70, 210}, std::clamp(above / 0.35, 0.0, 1.0));
  sky = plus(sky, scaled(curtain, glow * column.rays * 0.85));
  if (v > column.ridge) sky = v < column.ridge + 0.012 ? Rgb{180, 200, 215} : Rgb{6, 8, 14};
  return sky;
}

Rgb aurora(double u, double v, double aspect) { return aurora(u, v, aspect, auroraColumn(u, 0)); }

Image draw(const Scene& scene, int width, int height) {
  Image image(width, height);
  double aspect = double(width) / height;
  for (int y = 0; y < height; ++y) {
    std::uint8_t* p = image.row(y);
    for (int x = 0; x < width; ++x, p += 4) {
      Rgb c = scene((x + 0.5) / width, (y + 0.5) / height, aspect);
      p[0] = static_cast<std::uint8_t>(std::clamp(c.r, 0.0, 255.0));
      p[1] = static_cast<std::uint8_t>(std::clamp(c.g, 0.0, 255.0));
      p[2] = static_cast<std::uint8_t>(std::clamp(c.b, 0.0, 255.0));
    }
  }
  return image;
}

void caption(Image& image, const std::string& what, TextPainter& text) {
  int size = std::max(10, image.height / 48);
  text.draw(image, "hyperwall example \u00b7 " + what, size, image.height - size * 2, size,
            {200, 200, 210});
}

}  // namespace hw::examples
