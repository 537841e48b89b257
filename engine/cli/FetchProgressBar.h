#pragma once

#include <chrono>
#include <ostream>

#include "engine/fetch/Download.h"

namespace hw::cli {

// Shows a fetch's progress on a terminal as one redrawn bar line; when the
// stream is not a terminal (logs, tests), as one line per finished file.
class FetchProgressBar {
 public:
  FetchProgressBar(std::ostream& out, bool terminal);
  ~FetchProgressBar();  // ends the bar line

  void update(const DownloadProgress& progress);

 private:
  void drawBar(const DownloadProgress& progress);

  std::ostream& out_;
  bool terminal_;
  bool barShown_ = false;
};

// "1.2 MB", "640 KB", "87 B".
std::string formatBytes(std::uint64_t bytes);

}  // namespace hw::cli
