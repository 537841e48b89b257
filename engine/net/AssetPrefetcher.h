#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/net/AssetCache.h"
#include "engine/net/PrefetchQueue.h"

namespace hw {

// Fetches a node's files into its cache on a background thread, in order of
// first use; a file that fails is retried with backoff (PrefetchQueue) while
// the others go on. A new job replaces the old one (a master restart, another
// show).
class AssetPrefetcher {
 public:
  // `who` starts every log line ("node r0c0").
  AssetPrefetcher(AssetCache& cache, std::string who);
  ~AssetPrefetcher();

  // `baseUrl` + sha256 is each file's URL.
  void fetch(std::vector<AssetEntry> entries, std::string baseUrl, std::string key);
  PrefetchProgress progress() const;

 private:
  void run();
  // Tries file `index` of job `job` and records how it went, unless the job
  // was replaced or stopped meanwhile.
  void attempt(std::uint64_t job, std::size_t index, const std::string& baseUrl,
               const std::string& key);

  AssetCache& cache_;
  std::string who_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::string baseUrl_;
  std::string key_;
  std::uint64_t job_ = 0;  // bumped per fetch() call
  PrefetchQueue queue_;    // of job_
  std::atomic<bool> stop_{false};
  std::atomic<bool> jobChanged_{false};
  std::thread thread_;
};

}  // namespace hw
