#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/WallConfig.h"
#include "engine/fetch/Download.h"
#include "engine/fetch/FetchSettings.h"

namespace hw {

// One file of a page fetch and how it went.
struct FetchedFile {
  DownloadJob job;          // what was asked for and where it goes
  DownloadOutcome outcome;  // how it went
};

struct FetchReport {
  int pageId = 0;
  std::string title;               // the page's title ("" when the page is missing)
  std::filesystem::path pageFile;  // the page's JSON in the cache
  std::vector<FetchedFile> files;  // the page, its .hwshow companions, the wall's media

  // True when every file is in the cache: the show plays offline.
  bool complete() const;
  std::size_t count(DownloadResult result) const;
};

// `hyperwall fetch`: brings an SVS page's JSON, its .hwshow companions and
// every image `wall` needs into the cache (LocalMirror layout, docs/fetch.md).
// The page and shows go first, since they decide which media are needed.
// Throws InputError when `page` is not a page id or URL. Without a network,
// a cached page is used and whatever is missing is reported, not thrown.
FetchReport fetchSvsPage(const std::string& page, const WallConfig& wall,
                         const FetchSettings& settings, const DownloadProgressListener& listener);

}  // namespace hw
