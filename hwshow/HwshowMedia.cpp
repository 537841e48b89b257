#include "hwshow/HwshowMedia.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "config/InputError.h"
#include "config/JsonObjectReader.h"
#include "hwshow/FrameFolder.h"
#include "hwshow/HttpUrl.h"
#include "hwshow/ImageHeaderSize.h"
#include "hwshow/MovieCueTiming.h"

namespace hw {
namespace {

constexpr int kMaxPixels = 1'000'000;  // per side; larger is a typo
constexpr int kMaxFrames = 1'000'000'000;  // frames in one pass of a movie; more is a typo

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

// A local picture whose header is none the decoder reads would only fail on
// the wall, halfway through a presentation; so it fails the load instead.
void requireImageHeader(const MediaCandidate& candidate, const std::string& written,
                        const std::string& file, const std::string& pointer) {
  if (isHttpUrl(candidate.uri) || isAssetReference(candidate.uri)) return;
  Size header = imageSizeFromHeader(candidate.uri);
  if (header.w <= 0 || header.h <= 0)
    throw InputError(file, pointer,
                     "\"" + written + "\" is not a " + std::string(kHeaderImageFormats) + " image");
}

struct WrittenCandidate {
  MediaCandidate candidate;
  std::string written;  // as the show wrote it, for messages
  std::string pointer;  // JSON pointer of the reference
};

WrittenCandidate readSized(JsonObjectReader& reader, const ShowOrigin& origin) {
  std::string written = reader.string("uri");
  std::string pointer = reader.pointerTo("uri");
  MediaCandidate candidate = candidateAt(written, reader.file(), pointer, origin);
  if (reader.has("width") || reader.has("height")) {
    candidate.width = reader.integer("width", 1, kMaxPixels);
    candidate.height = reader.integer("height", 1, kMaxPixels);
  }
  return {candidate, written, pointer};
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

// The frame rate "fps" gives, nullopt when there is no "fps".
std::optional<FrameRate> readFps(JsonObjectReader& reader) {
  const nlohmann::json* fps = reader.find("fps");
  if (!fps) return std::nullopt;
  std::optional<FrameRate> rate;
  if (fps->is_string()) rate = parseFrameRate(fps->get<std::string>());
  if (fps->is_number()) rate = frameRateFromDecimal(fps->get<double>());
  if (!rate)
    reader.fail("fps",
                "expected frames per second (\"30000/1001\", 25 or 29.97), got " + fps->dump());
  return rate;
}

// "fps" and "frames", both or neither: one without the other cannot time a cue.
MovieFacts readMovieFacts(JsonObjectReader& reader, MediaKind kind) {
  MovieFacts facts;
  if (!reader.has("fps") && !reader.has("frames")) return facts;
  if (kind != MediaKind::Movie)
    reader.fail(reader.has("fps") ? "fps" : "frames", "only a movie has a frame rate and frames");
  if (!reader.has("fps") || !reader.has("frames"))
    reader.fail(reader.has("fps") ? "frames" : "fps", "required with \"fps\" and \"frames\"");
  facts.rate = *readFps(reader);
  facts.frames = reader.integer("frames", 1, kMaxFrames);
  return facts;
}

}  // namespace

MediaSpec readFrameSequence(JsonObjectReader& reader, const std::string& folderKey,
                            const ShowOrigin& origin) {
  std::string written = reader.string(folderKey);
  if (written.empty()) reader.fail(folderKey, "must not be empty");
  if (written.back() != '/') written += '/';
  MediaSpec spec;
  spec.kind = MediaKind::Movie;
  MediaCandidate folder{resolveReference(written, origin.base), 0, 0};
  bool local = !isHttpUrl(folder.uri) && !isAssetReference(folder.uri);
  if (reader.has("files")) {
    const nlohmann::json& files = reader.array("files");
    if (files.empty()) reader.fail("files", "must list at least one frame");
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (!files[i].is_string() || files[i].get<std::string>().empty())
        throw InputError(origin.file, reader.pointerTo("files") + "/" + std::to_string(i),
                         "expected a frame's file name");
      spec.frames.push_back(resolveReference(files[i].get<std::string>(), folder.uri));
    }
  } else if (local) {
    if (!std::filesystem::is_directory(folder.uri))
      reader.fail(folderKey, "no such folder \"" + written + "\"");
    spec.frames = listFrameFolder(folder.uri);
    if (spec.frames.empty())
      reader.fail(folderKey, "no numbered frames (NAME.0001.png ...) in \"" + written + "\"");
  }
  SvsMovieName name = readFrameFolderName(folder.uri);
  std::optional<FrameRate> rate = readFps(reader);
  spec.movie.rate = rate ? *rate : name.rate;
  if (!spec.movie.rate.known())
    reader.fail("fps", "required: the folder's name gives no frame rate (such as _30p)");
  spec.movie.frames = static_cast<std::int64_t>(spec.frames.size());
  if (reader.has("width") || reader.has("height")) {
    folder.width = reader.integer("width", 1, kMaxPixels);
    folder.height = reader.integer("height", 1, kMaxPixels);
  } else if (!spec.frames.empty() && isRegularFile(spec.frames.front())) {
    Size size = imageSizeFromHeader(spec.frames.front());
    folder.width = size.w;
    folder.height = size.h;
  } else {
    folder.width = name.width;
    folder.height = name.height;
  }
  spec.candidates.push_back(folder);
  return spec;
}

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
    std::string written = value.get<std::string>();
    spec.candidates.push_back(candidateAt(written, origin.file, pointer, origin));
    spec.kind = looksLikeMovie(spec.candidates.front().uri) ? MediaKind::Movie : MediaKind::Image;
    if (spec.kind == MediaKind::Image)
      requireImageHeader(spec.candidates.front(), written, origin.file, pointer);
    return spec;
  }
  if (!value.is_object())
    throw InputError(origin.file, pointer,
                     "expected a file name, URL or media object, got " + describeJsonType(value));
  JsonObjectReader reader(value, origin.file, pointer);
  if (reader.has("folder")) {
    if (reader.has("uri") || reader.has("sizes") || reader.has("kind"))
      reader.failHere(
          "a frame sequence's media object has \"folder\" alone, no \"uri\", \"sizes\" or "
          "\"kind\"");
    MediaSpec spec = readFrameSequence(reader, "folder", origin);
    reader.rejectUnknownKeys();
    return spec;
  }
  if (reader.has("sizes") && reader.has("uri"))
    reader.failHere("a media object has \"uri\" or \"sizes\", not both");
  if (!reader.has("sizes") && !reader.has("uri")) {
    // A misspelt "uri" is better reported as such than as a missing one.
    for (const char* key : {"uri", "sizes", "folder", "width", "height", "kind", "fps", "frames"})
      reader.find(key);
    reader.rejectUnknownKeys();
    reader.failHere("a media object needs \"uri\", \"sizes\" or \"folder\"");
  }
  std::vector<WrittenCandidate> written;
  if (reader.has("uri")) {
    written.push_back(readSized(reader, origin));
  } else {
    const nlohmann::json& sizes = reader.array("sizes");
    if (sizes.empty()) reader.fail("sizes", "must list at least one file");
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      JsonObjectReader size(sizes[i], origin.file,
                            reader.pointerTo("sizes") + "/" + std::to_string(i));
      written.push_back(readSized(size, origin));
      size.rejectUnknownKeys();
    }
  }
  for (const WrittenCandidate& w : written) spec.candidates.push_back(w.candidate);
  spec.kind = readKind(reader, spec.candidates);
  spec.movie = readMovieFacts(reader, spec.kind);
  reader.rejectUnknownKeys();
  if (spec.kind == MediaKind::Image)
    for (const WrittenCandidate& w : written)
      requireImageHeader(w.candidate, w.written, origin.file, w.pointer);
  return spec;
}

}  // namespace hw
