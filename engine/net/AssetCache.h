#pragma once

#include <atomic>
#include <cstdint>
#include <set>
#include <string>

#include "engine/net/AssetManifest.h"

namespace hw {

// A node's local store of show files, named by content: DIR/<sha256>. A file
// only ever appears there complete and verified: downloads go to
// DIR/<sha256>.part (kept across runs, so they resume with a byte range),
// are checked against the digest and then renamed. Files are reused across
// runs and shows; each is re-hashed once per run before it is trusted.
class AssetCache {
 public:
  explicit AssetCache(std::string directory);

  std::string pathOf(const std::string& sha256) const;
  // True when the verified file is present (hashes it on first ask this run;
  // a corrupt file is deleted).
  bool ready(const AssetEntry& entry);
  // Bytes of `entry` already here (complete or partial).
  std::uint64_t bytesPresent(const AssetEntry& entry) const;

  // Fetches `url` (libcurl) into the cache, resuming a partial download.
  // Throws std::runtime_error on network failure, HTTP error, size or digest
  // mismatch (the bad partial file is then removed), or when `stop` is set.
  void fetch(const AssetEntry& entry, const std::string& url, const std::string& key,
             const std::atomic<bool>& stop);

  const std::string& directory() const { return directory_; }

 private:
  std::string directory_;
  std::set<std::string> verified_;  // digests hashed and found good this run
};

// Where a node keeps its cache unless told: $XDG_CACHE_HOME/hyperwall/assets
// or ~/.cache/hyperwall/assets.
std::string defaultAssetCacheDirectory();

}  // namespace hw
