// Makes the first-light example's movie (examples/first-light): the aurora of
// its pictures in motion, one seamless loop of kAuroraLoopSeconds at 30 fps,
// H.264 through MovieWriter, so a first run shows the wall playing a movie
// with nothing downloaded.
// Usage: hw_example_movie OUT_FILE WIDTHxHEIGHT
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "engine/movie/MovieWriter.h"
#include "examples/ExampleScenes.h"

namespace {

constexpr int kFps = 30;

// Frame `frame`: the aurora worked out once per column, then down each column.
void drawFrame(hw::Image& image, int frame) {
  namespace ex = hw::examples;
  double t = static_cast<double>(frame) / kFps;
  double aspect = static_cast<double>(image.width) / image.height;
  std::vector<ex::AuroraColumn> columns;
  for (int x = 0; x < image.width; ++x)
    columns.push_back(ex::auroraColumn((x + 0.5) / image.width, t));
  for (int y = 0; y < image.height; ++y) {
    std::uint8_t* p = image.row(y);
    double v = (y + 0.5) / image.height;
    for (int x = 0; x < image.width; ++x, p += 4) {
      ex::Rgb c = ex::aurora((x + 0.5) / image.width, v, aspect, columns[x]);
      p[0] = static_cast<std::uint8_t>(std::clamp(c.r, 0.0, 255.0));
      p[1] = static_cast<std::uint8_t>(std::clamp(c.g, 0.0, 255.0));
      p[2] = static_cast<std::uint8_t>(std::clamp(c.b, 0.0, 255.0));
      p[3] = 255;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  int width = 0, height = 0;
  if (argc != 3 || std::sscanf(argv[2], "%dx%d", &width, &height) != 2 || width <= 0 ||
      height <= 0) {
    std::cerr << "usage: hw_example_movie OUT_FILE WIDTHxHEIGHT\n";
    return 2;
  }
  std::filesystem::path out = argv[1];
  std::filesystem::path partial = out;
  partial += ".part";  // a failed build leaves no movie that looks made
  try {
    std::filesystem::create_directories(out.parent_path());
    hw::MovieEncoding encoding;
    encoding.size = {width, height};
    encoding.rate = {kFps, 1};
    encoding.quality = 20;
    hw::MovieWriter writer(partial.string(), encoding);
    hw::TextPainter text;
    hw::Image image(width, height);
    int frames = static_cast<int>(hw::examples::kAuroraLoopSeconds * kFps);
    for (int frame = 0; frame < frames; ++frame) {
      drawFrame(image, frame);
      hw::examples::caption(image, "aurora in motion \u00b7 made at build time", text);
      writer.write(image);
    }
    writer.finish();
    std::filesystem::rename(partial, out);
  } catch (const std::exception& e) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    std::cerr << "hw_example_movie: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
