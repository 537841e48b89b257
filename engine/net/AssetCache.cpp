#include "engine/net/AssetCache.h"

#include <curl/curl.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "engine/net/Sha256.h"

namespace hw {
namespace fs = std::filesystem;

namespace {

struct Download {
  std::FILE* file = nullptr;
  std::uint64_t bytes = 0;  // in the .part file so far
  const std::atomic<bool>* stop = nullptr;
  long status = 0;          // HTTP status once headers are in
  bool bodyStarted = false;  // the body's first bytes arrived (where a 200 restarts a partial file)
  CURL* curl = nullptr;
};

std::size_t writeBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* d = static_cast<Download*>(user);
  if (*d->stop) return 0;
  if (d->status == 0) curl_easy_getinfo(d->curl, CURLINFO_RESPONSE_CODE, &d->status);
  if (d->status != 200 && d->status != 206) return 0;
  if (!d->bodyStarted && d->status == 200 && d->bytes > 0) {
    // The server ignored our range: start over rather than append a copy.
    std::fflush(d->file);
    if (std::freopen(nullptr, "wb", d->file) == nullptr) return 0;
    d->bytes = 0;
  }
  d->bodyStarted = true;
  std::size_t n = std::fwrite(data, size, count, d->file) * size;
  d->bytes += n;
  return n;
}

}  // namespace

AssetCache::AssetCache(std::string directory) : directory_(std::move(directory)) {
  fs::create_directories(directory_);
}

std::string AssetCache::pathOf(const std::string& sha256) const {
  return (fs::path(directory_) / sha256).string();
}

bool AssetCache::ready(const AssetEntry& entry) {
  std::string path = pathOf(entry.sha256);
  std::error_code ec;
  if (!fs::exists(path, ec)) return false;
  if (verified_.count(entry.sha256)) return true;
  if (fs::file_size(path, ec) == entry.size && Sha256::ofFile(path) == entry.sha256) {
    verified_.insert(entry.sha256);
    return true;
  }
  fs::remove(path, ec);  // corrupt: fetch it again
  return false;
}

std::uint64_t AssetCache::bytesPresent(const AssetEntry& entry) const {
  std::error_code ec;
  if (verified_.count(entry.sha256)) return entry.size;
  auto size = fs::file_size(pathOf(entry.sha256) + ".part", ec);
  return ec ? 0 : size;
}

void AssetCache::fetch(const AssetEntry& entry, const std::string& url, const std::string& key,
                       const std::atomic<bool>& stop) {
  std::string part = pathOf(entry.sha256) + ".part";
  std::error_code ec;
  std::uint64_t have = fs::exists(part, ec) ? fs::file_size(part, ec) : 0;
  if (have > entry.size) {
    fs::remove(part, ec);
    have = 0;
  }
  if (have < entry.size || entry.size == 0) {
    Download download;
    download.file = std::fopen(part.c_str(), have > 0 ? "ab" : "wb");
    if (!download.file) throw std::runtime_error(part + ": cannot write");
    download.bytes = have;
    download.stop = &stop;
    CURL* curl = curl_easy_init();
    download.curl = curl;
    std::string keyHeader = "X-Hyperwall-Key: " + key;
    curl_slist* headers = curl_slist_append(nullptr, keyHeader.c_str());
    std::string range = std::to_string(have) + "-";
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    if (have > 0) curl_easy_setopt(curl, CURLOPT_RANGE, range.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, writeBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &download);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 5L);
    // A stalled transfer (under 1 KiB/s for 10 s) is abandoned and retried.
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1024L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, 10L);
    CURLcode result = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    std::fclose(download.file);
    if (stop) throw std::runtime_error("stopped");
    if (status == 416) fs::remove(part, ec);  // our range is past the end: start over next time
    if (result != CURLE_OK || (status != 200 && status != 206))
      throw std::runtime_error(entry.name + ": " +
                               (status >= 400 ? "HTTP " + std::to_string(status)
                                              : std::string(curl_easy_strerror(result))));
  }
  if (fs::file_size(part, ec) != entry.size || Sha256::ofFile(part) != entry.sha256) {
    fs::remove(part, ec);
    throw std::runtime_error(entry.name +
                             ": downloaded file does not match its sha256 (has the master's copy "
                             "changed since the show was loaded?); discarded");
  }
  fs::rename(part, pathOf(entry.sha256));
  verified_.insert(entry.sha256);
}

std::string defaultAssetCacheDirectory() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return (fs::path(xdg) / "hyperwall" / "assets").string();
  if (const char* home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".cache" / "hyperwall" / "assets").string();
  return "hyperwall-assets";
}

}  // namespace hw
