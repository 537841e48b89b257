#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "engine/fetch/ContentCheck.h"

namespace hw {

// One file to bring into the cache.
struct DownloadJob {
  std::string url;             // what to GET (a mirror's address when --base-url is given)
  std::string name;            // how messages name it: the address the page gives
  std::filesystem::path file;  // where the complete file goes
  ContentKind kind = ContentKind::Image;
};

enum class DownloadResult {
  Fetched,     // downloaded (or finished a broken-off download) and checked
  UpToDate,    // the server said the cached copy is current (304)
  KeptCached,  // the server could not be asked; the cached copy stays
  Failed,      // not in the cache: `problem` says why
};

struct DownloadOutcome {
  DownloadResult result = DownloadResult::Failed;
  std::string problem;      // one line, "" when fetched or up to date
  std::uint64_t bytes = 0;  // bytes that came over the network, every try together
  int attempts = 0;         // tries made
};

// Where a run stands; sent as bytes arrive and when a file finishes.
struct DownloadProgress {
  const char* phase = "";  // what is being fetched: "page", "shows", "media"
  std::size_t filesDone = 0;
  std::size_t filesTotal = 0;
  std::uint64_t bytesReceived = 0;           // so far, every file together
  std::uint64_t bytesExpected = 0;           // sum of the sizes announced so far
  const DownloadJob* finished = nullptr;     // the file that just finished, else null
  const DownloadOutcome* outcome = nullptr;  // and how
};

using DownloadProgressListener = std::function<void(const DownloadProgress&)>;

}  // namespace hw
