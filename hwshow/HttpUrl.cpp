#include "hwshow/HttpUrl.h"

#include <cctype>
#include <vector>

namespace hw {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool validHost(const std::string& host) {
  if (host.empty() || host == "." || host == "..") return false;
  for (char c : host) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == ':' ||
              c == '[' || c == ']' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string removeDotSegments(const std::string& path) {
  std::vector<std::string> kept;
  bool trailingSlash = false;
  std::size_t start = path.empty() || path[0] != '/' ? 0 : 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string segment = path.substr(start, end - start);
    if (segment == ".") {
      trailingSlash = true;
    } else if (segment == "..") {
      if (!kept.empty()) kept.pop_back();
      trailingSlash = true;
    } else {
      kept.push_back(segment);
      trailingSlash = false;
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& segment : kept) out += "/" + segment;
  if (out.empty() || (trailingSlash && out.back() != '/')) out += "/";
  return out;
}

std::optional<HttpUrl> parseHttpUrl(const std::string& text) {
  std::size_t sep = text.find("://");
  if (sep == std::string::npos) return std::nullopt;
  HttpUrl url;
  url.scheme = lower(text.substr(0, sep));
  if (url.scheme != "http" && url.scheme != "https") return std::nullopt;

  std::size_t authorityStart = sep + 3;
  std::size_t pathStart = text.find_first_of("/?#", authorityStart);
  if (pathStart == std::string::npos) pathStart = text.size();
  std::string authority = text.substr(authorityStart, pathStart - authorityStart);
  if (std::size_t at = authority.rfind('@'); at != std::string::npos)
    authority = authority.substr(at + 1);  // credentials never reach a file name
  url.host = lower(authority);
  if (!validHost(url.host)) return std::nullopt;

  std::size_t restStart = text.find_first_of("?#", pathStart);
  if (restStart == std::string::npos) restStart = text.size();
  url.path = removeDotSegments(text.substr(pathStart, restStart - pathStart));
  url.rest = text.substr(restStart);
  return url;
}

bool isHttpUrl(const std::string& text) { return parseHttpUrl(text).has_value(); }

}  // namespace hw
