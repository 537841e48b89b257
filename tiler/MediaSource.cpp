#include "tiler/MediaSource.h"

#include <unistd.h>

#include <optional>
#include <system_error>

#include "hwshow/HttpUrl.h"
#include "hwshow/LocalMirror.h"
#include "tiler/ImageFile.h"
#include "tiler/MediaError.h"
#include "tiler/StandInCard.h"

namespace hw {
namespace {

namespace fs = std::filesystem;

// The last path segment of a URL, without query or fragment.
std::string urlFileName(const std::string& url) {
  std::optional<HttpUrl> parsed = parseHttpUrl(url);
  std::string path = parsed ? parsed->path : url;
  return path.substr(path.find_last_of('/') + 1);
}

// Decoded at the expected size, or nothing (absent, unreadable or stale).
CachedImage decodeIfSize(const fs::path& file, int width, int height) {
  std::error_code ec;
  if (file.empty() || !fs::is_regular_file(file, ec)) return {};
  try {
    bool opaque = false;
    auto image = std::make_shared<const Image>(decodeImageFile(file, opaque));
    if (image->width == width && image->height == height) return {image, opaque};
  } catch (const MediaError&) {
  }
  return {};
}

// Best effort: a card that cannot be cached is still shown.
void writeAtomically(const Image& image, const fs::path& file) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  fs::path partial = file;
  partial += ".part" + std::to_string(::getpid());
  try {
    writePngFile(image, partial);
    fs::rename(partial, file, ec);
  } catch (const std::runtime_error&) {
  }
  fs::remove(partial, ec);
}

}  // namespace

MediaSourceOptions MediaSourceOptions::defaults() {
  MediaSourceOptions options;
  options.cacheRoot = LocalMirror::fromEnvironment().root();
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) options.bundledStandIns = exe.parent_path() / "standins";
  return options;
}

MediaSource::MediaSource(MediaSourceOptions options)
    : options_(std::move(options)), cache_(options_.cacheBytes) {}

std::string MediaSource::standInFileName(const std::string& fileName, int width, int height) {
  return fileName + "-" + std::to_string(width) + "x" + std::to_string(height) + ".png";
}

LoadedMedia MediaSource::load(const MediaRef& media) {
  std::lock_guard lock(mutex_);
  if (!isHttpUrl(media.uri)) {
    std::error_code ec;
    if (!fs::is_regular_file(media.uri, ec)) throw MediaError(media.uri, "no such file");
    return decodeCached(media.uri, false);
  }
  std::optional<std::string> local = LocalMirror(options_.cacheRoot.string()).mediaPath(media.uri);
  if (!local) throw MediaError(media.uri, "not a URL that can be cached locally");
  std::error_code ec;
  if (fs::is_regular_file(*local, ec)) return decodeCached(*local, false);
  if (media.width <= 0 || media.height <= 0)
    throw MediaError(media.uri, "not downloaded (no " + *local +
                                    ") and its size is unknown, so no stand-in can be made");
  return standIn(media.uri, media.width, media.height);
}

void MediaSource::clearCache() {
  std::lock_guard lock(mutex_);
  cache_.clear();
}

LoadedMedia MediaSource::decodeCached(const fs::path& file, bool standIn) {
  std::error_code ec;
  auto stamp = fs::last_write_time(file, ec).time_since_epoch().count();
  std::string key = file.string() + "@" + std::to_string(stamp);
  CachedImage entry = cache_.find(key);
  if (!entry.image) {
    bool opaque = false;
    entry = {std::make_shared<const Image>(decodeImageFile(file, opaque)), opaque};
    cache_.insert(key, entry);
  }
  return {entry.image, standIn, entry.opaque, file.string()};
}

LoadedMedia MediaSource::standIn(const std::string& uri, int width, int height) {
  std::string fileName = urlFileName(uri);
  std::string name = standInFileName(fileName, width, height);
  std::string key = "stand-in:" + name;
  if (CachedImage entry = cache_.find(key); entry.image)
    return {entry.image, true, entry.opaque, standInFiles_[name]};
  fs::path cached = options_.cacheRoot / "standins" / name;
  for (const fs::path& dir : {options_.bundledStandIns, options_.cacheRoot / "standins"}) {
    if (dir.empty()) continue;
    if (CachedImage entry = decodeIfSize(dir / name, width, height); entry.image) {
      cache_.insert(key, entry);
      standInFiles_[name] = (dir / name).string();
      return {entry.image, true, entry.opaque, standInFiles_[name]};
    }
  }
  if (!text_) text_ = std::make_unique<TextPainter>();
  auto image = std::make_shared<const Image>(
      makeStandInCard({width, height}, fileName, howToGetMedia(uri), *text_));
  writeAtomically(*image, cached);
  cache_.insert(key, {image, true});  // cards are drawn opaque
  std::error_code ec;
  standInFiles_[name] = fs::exists(cached, ec) ? cached.string() : "";
  return {image, true, true, standInFiles_[name]};
}

}  // namespace hw
