// Draws the pictures of the first-light example (examples/first-light), so a
// first run shows real pictures on any wall with nothing downloaded.
// Usage: hw_example_pictures OUT_DIR SCENE [SCENE]...
// Each scene is written as OUT_DIR/<SCENE>.png (4096x2304, enough for a 3x3 or
// 5x3 wall of 1080p displays) and OUT_DIR/<SCENE>-1080p.png (1920x1080).
// Scenes: planet, sunrise, aurora (examples/ExampleScenes).
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <tuple>

#include "examples/ExampleScenes.h"
#include "tiler/ImageFile.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: hw_example_pictures OUT_DIR SCENE [SCENE]...\n";
    return 2;
  }
  const std::map<std::string, hw::examples::Scene> scenes = {
      {"planet", hw::examples::planet},
      {"sunrise", hw::examples::sunrise},
      {"aurora",
       [](double u, double v, double aspect) { return hw::examples::aurora(u, v, aspect); }}};
  std::filesystem::path out = argv[1];
  try {
    std::filesystem::create_directories(out);
    hw::TextPainter text;
    for (int i = 2; i < argc; ++i) {
      auto scene = scenes.find(argv[i]);
      if (scene == scenes.end()) {
        std::cerr << "hw_example_pictures: " << argv[i] << ": no such scene\n";
        return 2;
      }
      for (auto [suffix, width, height] :
           {std::tuple{"", 4096, 2304}, std::tuple{"-1080p", 1920, 1080}}) {
        hw::Image image = hw::examples::draw(scene->second, width, height);
        hw::examples::caption(image, scene->first + " \u00b7 drawn at build time", text);
        hw::writePngFile(image, out / (scene->first + suffix + ".png"));
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "hw_example_pictures: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
