#include "hwshow/LocalMirror.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "hwshow/HttpUrl.h"

namespace hw {
namespace {

bool set(const char* value) { return value != nullptr && value[0] != '\0'; }

std::optional<int> pageIdFromDigits(const std::string& digits) {
  // Nine digits keep the id inside an int; SVS ids have six.
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  for (char c : digits)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  int id = std::stoi(digits);
  return id > 0 ? std::optional<int>(id) : std::nullopt;
}

}  // namespace

LocalMirror::LocalMirror(std::string root) : root_(std::move(root)) {}

LocalMirror LocalMirror::fromEnvironment() {
  return LocalMirror(cacheRootFrom(std::getenv("HYPERWALL_CACHE"), std::getenv("XDG_CACHE_HOME"),
                                   std::getenv("HOME")));
}

std::string cacheRootFrom(const char* hyperwallCache, const char* xdgCacheHome, const char* home) {
  if (set(hyperwallCache)) return hyperwallCache;
  if (set(xdgCacheHome)) return (std::filesystem::path(xdgCacheHome) / "hyperwall").string();
  // Without HOME (a bare service account) the cache sits in the working folder.
  return (std::filesystem::path(set(home) ? home : ".") / ".cache" / "hyperwall").string();
}

std::optional<std::string> LocalMirror::mediaPath(const std::string& url) const {
  std::optional<HttpUrl> parsed = parseHttpUrl(url);
  if (!parsed) return std::nullopt;
  std::filesystem::path path = std::filesystem::path(root_) / "media" / parsed->host;
  std::size_t start = 1;
  while (start <= parsed->path.size()) {
    std::size_t end = parsed->path.find('/', start);
    if (end == std::string::npos) end = parsed->path.size();
    if (end > start) path /= parsed->path.substr(start, end - start);
    start = end + 1;
  }
  if (parsed->path.back() == '/') path /= "index.html";
  return path.string();
}

std::string LocalMirror::pagePath(int pageId) const {
  return (std::filesystem::path(root_) / "pages" / (std::to_string(pageId) + ".json")).string();
}

std::optional<int> svsPageIdFrom(const std::string& text) {
  if (auto id = pageIdFromDigits(text)) return id;
  std::optional<HttpUrl> url = parseHttpUrl(text);
  if (!url || url->host != "svs.gsfc.nasa.gov") return std::nullopt;
  std::string digits = url->path.substr(1);
  if (digits.rfind("api/", 0) == 0) digits = digits.substr(4);
  if (!digits.empty() && digits.back() == '/') digits.pop_back();
  return pageIdFromDigits(digits);
}

std::optional<int> svsPageIdOfMedia(const std::string& url) {
  std::optional<HttpUrl> parsed = parseHttpUrl(url);
  if (!parsed || parsed->host != "svs.gsfc.nasa.gov" || parsed->path.rfind("/vis/", 0) != 0)
    return std::nullopt;
  // /vis/a030000/a031300/a031382/...: thousands, hundreds, then the page.
  std::string rest = parsed->path.substr(5);
  std::vector<std::string> folders;
  for (std::size_t start = 0, slash; (slash = rest.find('/', start)) != std::string::npos;
       start = slash + 1)
    folders.push_back(rest.substr(start, slash - start));
  if (folders.size() < 3 || folders[2].size() != 7 || folders[2][0] != 'a') return std::nullopt;
  return pageIdFromDigits(folders[2].substr(1));
}

std::string svsPageUrl(int pageId) {
  return "https://svs.gsfc.nasa.gov/" + std::to_string(pageId) + "/";
}

}  // namespace hw
