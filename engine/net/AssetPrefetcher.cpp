#include "engine/net/AssetPrefetcher.h"

#include <iostream>

#include "engine/net/HostClock.h"

namespace hw {

AssetPrefetcher::AssetPrefetcher(AssetCache& cache, std::string who)
    : cache_(cache), who_(std::move(who)) {
  thread_ = std::thread([this] { run(); });
}

AssetPrefetcher::~AssetPrefetcher() {
  {
    // Under the lock, so run() cannot miss the wake-up between its check and its wait.
    std::lock_guard lock(mutex_);
    stop_ = true;
    jobChanged_ = true;  // abandons a download in progress
  }
  wake_.notify_all();
  thread_.join();
}

void AssetPrefetcher::fetch(std::vector<AssetEntry> entries, std::string baseUrl, std::string key) {
  {
    std::lock_guard lock(mutex_);
    queue_ = PrefetchQueue(std::move(entries));
    baseUrl_ = std::move(baseUrl);
    key_ = std::move(key);
    ++job_;
    jobChanged_ = true;  // under the lock: run() clears it only once it has seen this job
  }
  wake_.notify_all();
}

PrefetchProgress AssetPrefetcher::progress() const {
  std::lock_guard lock(mutex_);
  return queue_.progress();
}

void AssetPrefetcher::run() {
  std::unique_lock lock(mutex_);
  std::uint64_t seenJob = 0;
  while (!stop_) {
    if (job_ != seenJob) {
      seenJob = job_;
      jobChanged_ = false;
    }
    std::optional<std::size_t> next = queue_.next(monotonicSeconds());
    if (!next) {
      // Done, or every file left is waiting for its retry: sleep until then
      // or until another job comes.
      std::optional<double> wait = queue_.waitFrom(monotonicSeconds());
      auto woken = [&] { return stop_ || job_ != seenJob; };
      if (wait)
        wake_.wait_for(lock, std::chrono::duration<double>(*wait), woken);
      else
        wake_.wait(lock, woken);
      continue;
    }
    std::string baseUrl = baseUrl_, key = key_;
    lock.unlock();
    attempt(seenJob, *next, baseUrl, key);
    lock.lock();
  }
}

void AssetPrefetcher::attempt(std::uint64_t job, std::size_t index, const std::string& baseUrl,
                              const std::string& key) {
  AssetEntry entry;
  {
    std::lock_guard lock(mutex_);
    if (job_ != job) return;
    entry = queue_.entry(index);
  }
  std::string error;
  try {
    if (!cache_.ready(entry)) cache_.fetch(entry, baseUrl + entry.sha256, key, jobChanged_);
  } catch (const std::exception& e) {
    error = e.what();
  }
  std::lock_guard lock(mutex_);
  if (stop_ || job_ != job) return;  // abandoned: not a failure of the file
  if (error.empty()) {
    if (int failures = queue_.succeeded(index); failures > 0)
      std::cerr << who_ << ": fetched " << entry.name << " after " << failures
                << " failed attempt(s)\n";
    return;
  }
  double delay = queue_.failed(index, error, monotonicSeconds());
  std::cerr << who_ << ": cannot fetch " << entry.name << " (" << error << "); retrying in "
            << delay << " s\n";
}

}  // namespace hw
