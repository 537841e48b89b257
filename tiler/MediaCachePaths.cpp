#include "tiler/MediaCachePaths.h"

#include <cstdlib>

namespace hw {

std::filesystem::path hyperwallCacheRoot() {
  if (const char* cache = std::getenv("HYPERWALL_CACHE"); cache && *cache) return cache;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "hyperwall";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : ".") / ".cache" / "hyperwall";
}

std::optional<std::filesystem::path> mirrorPathFor(const std::string& url,
                                                   const std::filesystem::path& cacheRoot) {
  std::string rest;
  for (const char* scheme : {"http://", "https://"})
    if (url.rfind(scheme, 0) == 0) rest = url.substr(std::string(scheme).size());
  rest = rest.substr(0, rest.find_first_of("?#"));
  std::size_t slash = rest.find('/');
  if (rest.empty() || slash == 0 || slash == std::string::npos) return std::nullopt;
  std::string host = rest.substr(0, slash);
  host = host.substr(0, host.find(':'));  // the port is not part of the folder name
  if (host.empty() || host == "." || host == ".." || rest.back() == '/') return std::nullopt;
  std::filesystem::path path = cacheRoot / "media" / host;
  for (const auto& part : std::filesystem::path(rest.substr(slash + 1))) {
    if (part == ".." || part == ".") return std::nullopt;
    path /= part;
  }
  return path;
}

}  // namespace hw
