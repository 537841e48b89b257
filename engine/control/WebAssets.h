#pragma once

#include <string_view>

namespace hw {

// One file of the web remote (web/), compiled into the binary.
struct WebAsset {
  std::string_view name;         // file name inside web/, e.g. "remote.js"
  std::string_view contentType;  // MIME type from the extension
  std::string_view bytes;        // the file's contents
};

// The asset called `name`, or nullptr. Defined in the WebAssets.cpp that
// EmbedWebAssets.cmake generates at build time.
const WebAsset* findWebAsset(std::string_view name);

}  // namespace hw
