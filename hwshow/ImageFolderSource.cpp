#include "hwshow/ImageFolderSource.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "config/InputError.h"
#include "hwshow/ImageHeaderSize.h"
#include "hwshow/MediaChooser.h"
#include "hwshow/NaturalSort.h"
#include "hwshow/ShowPaths.h"
#include "tiler/WallCanvas.h"

namespace fs = std::filesystem;

namespace hw {
namespace {

constexpr const char* kImageTypes = "png, jpg, jpeg, bmp, webp";

Cue imageCue(const std::string& path, const WallConfig& wall) {
  Size size = imageSizeFromHeader(path);
  // Refused now rather than failing on the wall when its turn comes.
  if (size.w <= 0 || size.h <= 0)
    throw InputError(path, "", std::string("not a ") + kHeaderImageFormats + " image");
  MediaCandidate file{fs::absolute(fs::path(path)).lexically_normal().string(), size.w, size.h};
  Cue cue;
  cue.title = fs::path(path).filename().string();
  cue.origin = path;
  LayoutItem item;
  item.media = chooseMedia(MediaKind::Image, {file}, WallCanvas(wall).size(), "canvas");
  cue.items.push_back(item);
  return cue;
}

Playlist imagesToPlaylist(std::vector<std::string> files, const WallConfig& wall) {
  sortNaturally(files);
  Playlist playlist;
  for (const auto& file : files) playlist.cues.push_back(imageCue(file, wall));
  return playlist;
}

}  // namespace

bool isImageFile(const std::string& path) {
  std::string extension = fs::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* image : {".png", ".jpg", ".jpeg", ".bmp", ".webp"})
    if (extension == image) return true;
  return false;
}

Playlist loadImageFolder(const std::string& folder, const WallConfig& wall) {
  std::vector<std::string> images;
  int others = 0;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    std::string name = it->path().filename().string();
    std::error_code typeError;
    if (name.empty() || name[0] == '.' || !it->is_regular_file(typeError)) continue;
    if (isImageFile(name))
      images.push_back(it->path().string());
    else
      ++others;
  }
  if (error) throw InputError(folder, "", "cannot read folder: " + error.message());
  if (images.empty())
    throw InputError(folder, "", std::string("no images (") + kImageTypes + ") in this folder");
  Playlist playlist = imagesToPlaylist(images, wall);
  playlist.metadata.title = fs::path(folder).lexically_normal().filename().string();
  if (playlist.metadata.title.empty())
    playlist.metadata.title = fs::path(folder).lexically_normal().parent_path().filename().string();
  playlist.metadata.source = folder;
  if (others > 0)
    playlist.warnings.push_back(folder + ": skipped " + std::to_string(others) +
                                " file(s) that are not images (" + kImageTypes + ")");
  return playlist;
}

Playlist loadImageFiles(const std::vector<std::string>& files, const WallConfig& wall) {
  for (const auto& file : files)
    if (!isRegularFile(file)) throw InputError(file, "", "no such image file");
  Playlist playlist = imagesToPlaylist(files, wall);
  playlist.metadata.source =
      files.size() == 1 ? files.front() : std::to_string(files.size()) + " images";
  return playlist;
}

}  // namespace hw
