#include "engine/fetch/SvsPageAddress.h"

#include <regex>

namespace hw {

std::optional<int> svsPageIdIn(const std::string& text) {
  static const std::regex form(
      R"((?:https?://svs\.gsfc\.nasa\.gov/(?:api/)?)?(\d{1,9})/?(?:[?#].*)?)");
  std::smatch match;
  if (!std::regex_match(text, match, form)) return std::nullopt;
  int id = std::stoi(match[1].str());
  if (id <= 0) return std::nullopt;
  return id;
}

std::filesystem::path svsPageFile(const std::filesystem::path& cacheRoot, int pageId) {
  return cacheRoot / "pages" / (std::to_string(pageId) + ".json");
}

std::string svsApiUrl(int pageId) { return std::string(kSvsSite) + "/api/" + std::to_string(pageId); }

std::string viaBaseUrl(const std::string& url, const std::string& baseUrl) {
  std::string base = baseUrl;
  while (!base.empty() && base.back() == '/') base.pop_back();
  for (const char* site : {"https://svs.gsfc.nasa.gov", "http://svs.gsfc.nasa.gov"}) {
    std::string prefix = site;
    if (url.rfind(prefix, 0) == 0 && (url.size() == prefix.size() || url[prefix.size()] == '/')) {
      return base + url.substr(prefix.size());
    }
  }
  return url;
}

}  // namespace hw
