#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "hwshow/Playlist.h"
#include "tiler/DecodedImageCache.h"
#include "tiler/Image.h"
#include "tiler/TextPainter.h"

namespace hw {

// Decoded pixels for one MediaRef.
struct LoadedMedia {
  std::shared_ptr<const Image> image;  // RGBA, shared with the cache; never modified
  bool standIn = false;                // true: a test card, the real file is not on this machine
  bool opaque = false;                 // true: every pixel has alpha 255
  std::string file;                    // what was decoded ("" for a card made in memory only)
};

struct MediaSourceOptions {
  std::filesystem::path cacheRoot;  // downloads in <root>/media, generated cards in <root>/standins
  std::filesystem::path bundledStandIns;  // cards made at build time, looked up first ("" = none)
  std::size_t cacheBytes = std::size_t{128} << 20;  // bytes of decoded pixels kept in memory

  // The hyperwall cache root (LocalMirror::fromEnvironment) and <executable dir>/standins.
  static MediaSourceOptions defaults();
};

// Turns a MediaRef into pixels. A local path is decoded. An http(s) URL is
// decoded from its local copy (LocalMirror: <cacheRoot>/media/<host>/<path>); without one,
// and with the size known, a stand-in card of exactly that size is used
// (bundled, else cached under <cacheRoot>/standins, else made and cached).
// Decoded images are kept in a small LRU. Thread-safe.
class MediaSource {
 public:
  explicit MediaSource(MediaSourceOptions options = MediaSourceOptions::defaults());

  // Throws MediaError naming the file: missing, undecodable, or neither
  // downloaded nor of known size.
  LoadedMedia load(const MediaRef& media);

  // Forgets every decoded image (those still shared elsewhere stay alive):
  // the next load decodes again.
  void clearCache();

  // The file name a stand-in for `fileName` at `size` is stored under:
  // "<fileName>-<w>x<h>.png".
  static std::string standInFileName(const std::string& fileName, int width, int height);

 private:
  LoadedMedia decodeCached(const std::filesystem::path& file, bool standIn);
  LoadedMedia standIn(const std::string& uri, int width, int height);

  MediaSourceOptions options_;
  DecodedImageCache cache_;
  std::map<std::string, std::string> standInFiles_;  // stand-in name -> file it came from
  std::unique_ptr<TextPainter> text_;                // made on the first stand-in
  std::mutex mutex_;
};

}  // namespace hw
