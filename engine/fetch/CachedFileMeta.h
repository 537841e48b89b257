#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace hw {

// What the server said about a cached file, kept beside it as
// "<file>.http.json" so the next fetch can ask "changed since?" (ETag,
// Last-Modified) and a broken-off download can resume only if the file on
// the server is still the same one.
struct CachedFileMeta {
  std::string url;           // where it was downloaded from
  std::string etag;          // ETag header, "" when none
  std::string lastModified;  // Last-Modified header, "" when none
  std::string contentType;   // Content-Type header
  std::uint64_t bytes = 0;   // size of the complete file
};

std::filesystem::path metaPathFor(const std::filesystem::path& file);

// nullopt when there is no meta file or it does not parse (then nothing is assumed).
std::optional<CachedFileMeta> readCachedFileMeta(const std::filesystem::path& file);
void writeCachedFileMeta(const std::filesystem::path& file, const CachedFileMeta& meta);

}  // namespace hw
