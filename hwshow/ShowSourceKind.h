#pragma once

#include <string>

namespace hw {

// What a command-line show source is, decided from the name and the file system
// without reading the file (JSON files are told apart by content later).
enum class ShowSourceKind {
  ImageFolder,  // a directory
  CachedPage,   // an SVS page id or URL, read from the local mirror
  HwshowFile,   // a .hwshow file
  JsonFile,     // a .json file (or no extension): an SVS page or a .hwshow by content
  ImageFile,    // png, jpg, jpeg, bmp, webp
};

// Throws InputError for a missing file or an unsupported file type.
ShowSourceKind detectShowSourceKind(const std::string& source);

}  // namespace hw
