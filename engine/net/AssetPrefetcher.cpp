#include "engine/net/AssetPrefetcher.h"

#include <algorithm>
#include <iostream>

namespace hw {

AssetPrefetcher::AssetPrefetcher(AssetCache& cache) : cache_(cache) {
  thread_ = std::thread([this] { run(); });
}

AssetPrefetcher::~AssetPrefetcher() {
  stop_ = true;
  jobChanged_ = true;  // abandons a download in progress
  wake_.notify_all();
  thread_.join();
}

void AssetPrefetcher::fetch(std::vector<AssetEntry> entries, std::string baseUrl, std::string key) {
  {
    std::lock_guard lock(mutex_);
    entries_ = std::move(entries);
    baseUrl_ = std::move(baseUrl);
    key_ = std::move(key);
    ++job_;
    progress_ = {};
    progress_.total = static_cast<int>(entries_.size());
    for (const auto& entry : entries_) progress_.bytesTotal += entry.size;
  }
  jobChanged_ = true;
  wake_.notify_all();
}

PrefetchProgress AssetPrefetcher::progress() const {
  std::lock_guard lock(mutex_);
  return progress_;
}

void AssetPrefetcher::run() {
  std::uint64_t seenJob = 0;
  while (!stop_) {
    std::vector<AssetEntry> entries;
    std::string baseUrl, key;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stop_ || job_ != seenJob; });
      if (stop_) return;
      seenJob = job_;
      entries = entries_;
      baseUrl = baseUrl_;
      key = key_;
    }
    jobChanged_ = false;
    double backoff = 0.25;  // s, doubles per failure up to 5 s
    std::uint64_t finishedBytes = 0;
    for (std::size_t i = 0; i < entries.size() && !stop_ && !jobChanged_;) {
      const AssetEntry& entry = entries[i];
      try {
        if (!cache_.ready(entry)) {
          cache_.fetch(entry, baseUrl + entry.sha256, key,
                       [&](std::uint64_t bytes) {
                         std::lock_guard lock(mutex_);
                         if (job_ == seenJob) progress_.bytesDone = finishedBytes + bytes;
                       },
                       jobChanged_);
        }
        finishedBytes += entry.size;
        std::lock_guard lock(mutex_);
        if (job_ == seenJob) {
          progress_.done = static_cast<int>(i + 1);
          progress_.bytesDone = finishedBytes;
        }
        backoff = 0.25;
        ++i;
      } catch (const std::exception& e) {
        if (stop_ || jobChanged_) break;
        std::cerr << "node: fetching " << entry.name << " failed (" << e.what() << "); retrying in "
                  << backoff << " s\n";
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, std::chrono::duration<double>(backoff),
                       [&] { return stop_ || job_ != seenJob; });
        backoff = std::min(backoff * 2, 5.0);
      }
    }
  }
}

}  // namespace hw
