#include "hwshow/HwshowMedia.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "config/InputError.h"
#include "config/JsonObjectReader.h"
#include "hwshow/HttpUrl.h"
#include "hwshow/ImageHeaderSize.h"

namespace hw {
namespace {

constexpr int kMaxPixels = 1'000'000;  // per side; larger is a typo

// Resolves one written reference; a local file must exist now so that a show
// fails at load time, not halfway through a presentation.
MediaCandidate candidateAt(const std::string& written, const std::string& file,
                           const std::string& pointer, const ShowOrigin& origin) {
  if (written.empty()) throw InputError(file, pointer, "must not be empty");
  MediaCandidate candidate{resolveReference(written, origin.base), 0, 0};
  if (isHttpUrl(candidate.uri) || isAssetReference(candidate.uri)) return candidate;
  if (!isRegularFile(candidate.uri))
    throw InputError(file, pointer, "no such file \"" + written + "\"");
  Size size = imageSizeFromHeader(candidate.uri);
  candidate.width = size.w;
  candidate.height = size.h;
  return candidate;
}

MediaCandidate readSized(JsonObjectReader& reader, const ShowOrigin& origin) {
  MediaCandidate candidate =
      candidateAt(reader.string("uri"), reader.file(), reader.pointerTo("uri"), origin);
  if (reader.has("width") || reader.has("height")) {
    candidate.width = reader.integer("width", 1, kMaxPixels);
    candidate.height = reader.integer("height", 1, kMaxPixels);
  }
  return candidate;
}

MediaKind readKind(JsonObjectReader& reader, const std::vector<MediaCandidate>& candidates) {
  if (!reader.has("kind"))
    return !candidates.empty() && looksLikeMovie(candidates.front().uri) ? MediaKind::Movie
                                                                         : MediaKind::Image;
  std::string kind = reader.string("kind");
  if (kind == "image") return MediaKind::Image;
  if (kind == "movie") return MediaKind::Movie;
  reader.fail("kind", "must be image or movie (got \"" + kind + "\")");
}

}  // namespace

bool looksLikeMovie(const std::string& uri) {
  std::string path = uri.substr(0, uri.find_first_of("?#"));
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* movie : {".mp4", ".mov", ".m4v", ".webm", ".mkv"})
    if (extension == movie) return true;
  return false;
}

MediaSpec readMediaSpec(const nlohmann::json& value, const std::string& pointer,
                        const ShowOrigin& origin) {
  MediaSpec spec;
  if (value.is_string()) {
    spec.candidates.push_back(candidateAt(value.get<std::string>(), origin.file, pointer, origin));
    spec.kind = looksLikeMovie(spec.candidates.front().uri) ? MediaKind::Movie : MediaKind::Image;
    return spec;
  }
  if (!value.is_object())
    throw InputError(origin.file, pointer,
                     "expected a file name, URL or media object, got " + describeJsonType(value));
  JsonObjectReader reader(value, origin.file, pointer);
  if (reader.has("sizes") && reader.has("uri"))
    reader.failHere("a media object has \"uri\" or \"sizes\", not both");
  if (!reader.has("sizes") && !reader.has("uri")) {
    // A misspelt "uri" is better reported as such than as a missing one.
    for (const char* key : {"uri", "sizes", "width", "height", "kind"}) reader.find(key);
    reader.rejectUnknownKeys();
    reader.failHere("a media object needs either \"uri\" or \"sizes\"");
  }
  if (reader.has("uri")) {
    spec.candidates.push_back(readSized(reader, origin));
  } else {
    const nlohmann::json& sizes = reader.array("sizes");
    if (sizes.empty()) reader.fail("sizes", "must list at least one file");
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      JsonObjectReader size(sizes[i], origin.file,
                            reader.pointerTo("sizes") + "/" + std::to_string(i));
      spec.candidates.push_back(readSized(size, origin));
      size.rejectUnknownKeys();
    }
  }
  spec.kind = readKind(reader, spec.candidates);
  reader.rejectUnknownKeys();
  return spec;
}

}  // namespace hw
