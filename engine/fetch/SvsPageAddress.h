#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace hw {

// TEMPORARY seam until hwshow/LocalMirror.h lands on main: svsPageIdFrom and
// LocalMirror::pagePath there follow the same rules; the integrator replaces
// these two with them.
// The SVS page id in "31382", "https://svs.gsfc.nasa.gov/31382/" or
// "https://svs.gsfc.nasa.gov/api/31382"; nullopt for anything else.
std::optional<int> svsPageIdIn(const std::string& text);
// <cacheRoot>/pages/<id>.json
std::filesystem::path svsPageFile(const std::filesystem::path& cacheRoot, int pageId);

// The address on the public site, and where to GET it when a mirror replaces
// https://svs.gsfc.nasa.gov by `baseUrl` (addresses on other hosts stay).
inline constexpr const char* kSvsSite = "https://svs.gsfc.nasa.gov";
std::string svsApiUrl(int pageId);
std::string viaBaseUrl(const std::string& url, const std::string& baseUrl);

}  // namespace hw
