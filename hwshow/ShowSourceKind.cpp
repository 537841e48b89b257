#include "hwshow/ShowSourceKind.h"

#include <filesystem>

#include "config/InputError.h"
#include "hwshow/ImageFolderSource.h"
#include "hwshow/LocalMirror.h"

namespace fs = std::filesystem;

namespace hw {

ShowSourceKind detectShowSourceKind(const std::string& source) {
  std::error_code error;
  if (fs::is_directory(source, error)) return ShowSourceKind::ImageFolder;
  if (svsPageIdFrom(source)) return ShowSourceKind::CachedPage;
  if (!fs::exists(source, error)) throw InputError(source, "", "no such file or folder");
  std::string extension = fs::path(source).extension().string();
  if (extension == ".hwshow") return ShowSourceKind::HwshowFile;
  if (isImageFile(source)) return ShowSourceKind::ImageFile;
  if (extension == ".json" || extension.empty()) return ShowSourceKind::JsonFile;
  throw InputError(source, "",
                   "not a show: expected an SVS page (.json), a .hwshow file, a folder of images "
                   "or image files (png, jpg, jpeg, bmp, webp)");
}

}  // namespace hw
