#pragma once

#include <optional>
#include <string>

namespace hw {

// What a downloaded file is meant to be; decides which answers are accepted.
enum class ContentKind {
  PageJson,  // an SVS page from the API: a JSON object
  Show,      // a .hwshow file: text
  Image,     // a picture SDL2_image decodes (PNG, JPEG, TIFF, GIF, WebP, BMP)
  Movie,     // a movie in an MP4/QuickTime or Matroska/WebM container
  Listing,   // a folder's directory listing: the HTML index page a web server writes
};

// Why a finished download is not what `kind` needs (an HTML error page sent
// with 200, a truncated or foreign file), or nullopt when it is acceptable.
// `contentType` is the Content-Type header ("" when absent); `head` holds
// the file's first bytes (at least 16 when the file is that long).
std::optional<std::string> contentProblem(ContentKind kind, const std::string& contentType,
                                          const std::string& head);

}  // namespace hw
