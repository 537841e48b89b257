#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/net/AssetManifest.h"
#include "engine/net/FetchFailure.h"
#include "engine/net/RetrySchedule.h"

namespace hw {

// Download progress of a node's share of the show. Only files fetched and
// verified count: a node has all of its show (done == total) only when every
// file it needs is in its cache and matches its digest.
struct PrefetchProgress {
  int done = 0;                       // files verified in the cache
  int total = 0;                      // files this node needs
  std::uint64_t bytesDone = 0;        // bytes of the verified files
  std::uint64_t bytesTotal = 0;       // bytes of every file it needs
  std::vector<FetchFailure> failing;  // files whose last attempt failed, in order of first use
};

// Which of a node's files to try next (pure: times are s on any monotonic
// clock). Files are tried in order of first use; one that fails waits out its
// RetrySchedule delay while the others go on, so a bad file never holds back
// the rest, and it is tried again for as long as the job runs.
class PrefetchQueue {
 public:
  explicit PrefetchQueue(std::vector<AssetEntry> entries = {}, RetrySchedule schedule = {});

  // The file to try at `now`: the first in order that was never tried or
  // whose retry time has come; nullopt when every file is done or waiting.
  std::optional<std::size_t> next(double now) const;
  // s from `now` until a waiting file may be tried; nullopt when none waits.
  std::optional<double> waitFrom(double now) const;
  // Records the file as verified; returns how many attempts failed before.
  int succeeded(std::size_t index);
  // Records a failed attempt; returns s until the file is tried again.
  double failed(std::size_t index, const std::string& error, double now);

  const AssetEntry& entry(std::size_t index) const { return files_.at(index).entry; }
  bool complete() const;
  PrefetchProgress progress() const;

 private:
  struct File {
    AssetEntry entry;
    bool done = false;
    int failures = 0;    // in a row
    std::string error;   // of the last failure
    double retryAt = 0;  // s, not tried again before
  };
  std::vector<File> files_;
  RetrySchedule schedule_;
};

}  // namespace hw
