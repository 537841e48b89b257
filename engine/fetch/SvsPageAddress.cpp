#include "engine/fetch/SvsPageAddress.h"

namespace hw {

std::string svsApiUrl(int pageId) {
  return "https://svs.gsfc.nasa.gov/api/" + std::to_string(pageId);
}

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
