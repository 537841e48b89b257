#include "tests/control/TestImages.h"

#include <fstream>

#include "tests/support/TempFolder.h"
#include "tiler/ImageFile.h"

namespace hw::test {

std::string solidPngBytes(int width, int height, Color color) {
  return encodePng(Image(width, height, color));
}

void writeSolidPng(const std::string& path, int width, int height, Color color) {
  writePngFile(Image(width, height, color), path);
}

Color pixelOfPng(const std::string& png, int x, int y) {
  TempFolder folder("hyperwall-png");
  std::filesystem::path file = folder.path() / "picture.png";
  std::ofstream(file, std::ios::binary) << png;
  Image image = decodeImageFile(file);
  const std::uint8_t* p = image.at(x, y);
  return {p[0], p[1], p[2]};
}

}  // namespace hw::test
