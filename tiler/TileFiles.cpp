#include "tiler/TileFiles.h"

#include <cstdio>
#include <system_error>

#include "tiler/ImageFile.h"
#include "tiler/ParallelJobs.h"

namespace hw {

std::string cueFolderName(int cueNumber) {
  char name[32];
  std::snprintf(name, sizeof name, "cue-%03d", cueNumber);
  return name;
}

std::string tileFileName(const Tile& tile) {
  return "r" + std::to_string(tile.row) + "c" + std::to_string(tile.col) + ".png";
}

void writeTileFiles(const std::vector<Tile>& tiles, const Image& preview,
                    const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw std::runtime_error(folder.string() + ": cannot create folder: " + ec.message());
  int count = static_cast<int>(tiles.size());
  runParallel(count + 1, [&](int i) {
    if (i < count)
      writePngFile(tiles[i].image, folder / tileFileName(tiles[i]));
    else
      writePngFile(preview, folder / kWallPreviewFileName);
  });
}

}  // namespace hw
