#pragma once

#include <string>

namespace hw {

// Where `hyperwall fetch` GETs things. The cache keeps every file under its
// public address (LocalMirror); a mirror given with --base-url replaces the
// https://svs.gsfc.nasa.gov prefix of the page API and of media on that host.
std::string svsApiUrl(int pageId);
// `url` with the SVS site replaced by `baseUrl`; addresses on other hosts stay.
std::string viaBaseUrl(const std::string& url, const std::string& baseUrl);

}  // namespace hw
