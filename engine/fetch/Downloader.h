#pragma once

#include <vector>

#include "engine/fetch/Download.h"
#include "engine/fetch/FetchSettings.h"

namespace hw {

// Brings many files into the cache at once over one libcurl multi handle:
// `settings.parallel` transfers at a time, each retried with doubling delays
// after network trouble or server errors, resuming what already arrived.
class Downloader {
 public:
  explicit Downloader(FetchSettings settings);

  // One outcome per job, in the jobs' order. `listener` may be empty.
  std::vector<DownloadOutcome> run(const std::vector<DownloadJob>& jobs,
                                   const DownloadProgressListener& listener);

 private:
  FetchSettings settings_;
};

}  // namespace hw
