// Writes stand-in cards for media a build machine cannot download, so the
// bundled show plays (and `hyperwall tile` works) offline out of the box.
// Usage: hw_standins OUT_DIR MEDIA_FOLDER_URL FILE_NAME WIDTHxHEIGHT [FILE_NAME WIDTHxHEIGHT]...
// Each card is OUT_DIR/<FILE_NAME>-<W>x<H>.png, where MediaSource looks for it,
// and says how to get the real file at MEDIA_FOLDER_URL/FILE_NAME.
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>

#include "tiler/ImageFile.h"
#include "tiler/MediaSource.h"
#include "tiler/StandInCard.h"

int main(int argc, char** argv) {
  if (argc < 5 || argc % 2 != 1) {
    std::cerr << "usage: hw_standins OUT_DIR MEDIA_FOLDER_URL FILE_NAME WIDTHxHEIGHT "
                 "[FILE_NAME WIDTHxHEIGHT]...\n";
    return 2;
  }
  std::filesystem::path out = argv[1];
  std::string folderUrl = argv[2];
  try {
    std::filesystem::create_directories(out);
    hw::TextPainter text;
    if (!text.available())
      std::cerr << "hw_standins: cards without text: " << text.problem() << "\n";
    for (int i = 3; i + 1 < argc; i += 2) {
      std::string name = argv[i];
      int width = 0, height = 0;
      if (std::sscanf(argv[i + 1], "%dx%d", &width, &height) != 2 || width <= 0 || height <= 0) {
        std::cerr << "hw_standins: " << argv[i + 1] << ": expected WIDTHxHEIGHT\n";
        return 2;
      }
      std::filesystem::path file = out / hw::MediaSource::standInFileName(name, width, height);
      hw::writePngFile(
          hw::makeStandInCard({width, height}, name, hw::howToGetMedia(folderUrl + name), text),
          file);
    }
  } catch (const std::exception& e) {
    std::cerr << "hw_standins: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
