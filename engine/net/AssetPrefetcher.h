#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/net/AssetCache.h"

namespace hw {

// Download progress of a node's share of the show.
struct PrefetchProgress {
  int done = 0;                // files verified in the cache
  int total = 0;               // files this node needs
  std::uint64_t bytesDone = 0; // bytes of those in the cache (complete or partial)
  std::uint64_t bytesTotal = 0;
};

// Fetches a node's files into its cache on a background thread, in order of
// first use, retrying failures with backoff; a new job replaces the old one
// (a master restart, another show).
class AssetPrefetcher {
 public:
  explicit AssetPrefetcher(AssetCache& cache);
  ~AssetPrefetcher();

  // `baseUrl` + sha256 is each file's URL.
  void fetch(std::vector<AssetEntry> entries, std::string baseUrl, std::string key);
  PrefetchProgress progress() const;

 private:
  void run();

  AssetCache& cache_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<AssetEntry> entries_;
  std::string baseUrl_;
  std::string key_;
  std::uint64_t job_ = 0;           // bumped per fetch() call
  PrefetchProgress progress_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> jobChanged_{false};
  std::thread thread_;
};

}  // namespace hw
