// Stand-in for hwshow's loadShow() while that library is being written: a
// folder of images (or image files) becomes one whole-wall cue per image.
// Built only when hw_show has no sources (engine/cli/CMakeLists.txt).
#include <algorithm>
#include <filesystem>

#include "config/InputError.h"
#include "hwshow/ShowLoader.h"

namespace hw {

Playlist loadShow(const std::vector<std::string>& sources, const WallConfig&) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& source : sources) {
    if (fs::is_directory(source)) {
      for (const auto& entry : fs::directory_iterator(source)) {
        std::string ext = entry.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
        if (ext == ".png" || ext == ".jpg" || ext == ".jpeg") files.push_back(entry.path());
      }
    } else if (fs::is_regular_file(source)) {
      files.push_back(source);
    } else {
      throw InputError(source, "", "no such file or folder");
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) throw InputError(sources.front(), "", "no images found");
  Playlist playlist;
  playlist.metadata.title = fs::path(sources.front()).filename().string();
  playlist.metadata.source = sources.front();
  for (const auto& file : files) {
    Cue cue;
    cue.title = file.stem().string();
    LayoutItem item;
    item.media.uri = fs::absolute(file).string();
    cue.items.push_back(item);
    cue.origin = file.string();
    playlist.cues.push_back(cue);
  }
  return playlist;
}

}  // namespace hw
