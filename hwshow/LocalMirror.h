#pragma once

#include <optional>
#include <string>

namespace hw {

// Where things fetched from the web live on this machine, so a show can be
// planned and played offline:
//   <root>/media/<host>/<path>   the local copy of an http(s) URL
//   <root>/pages/<id>.json       an SVS page's JSON (https://svs.gsfc.nasa.gov/api/<id>)
// Only computes paths; downloading is the fetcher's job.
class LocalMirror {
 public:
  explicit LocalMirror(std::string root);

  // $HYPERWALL_CACHE, else $XDG_CACHE_HOME/hyperwall, else $HOME/.cache/hyperwall.
  static LocalMirror fromEnvironment();

  const std::string& root() const { return root_; }

  // The local copy of `url`; nullopt when it is not an http(s) URL. A URL
  // naming a folder ("/dir/") maps to "<...>/dir/index.html"; query and
  // fragment are ignored.
  std::optional<std::string> mediaPath(const std::string& url) const;

  std::string pagePath(int pageId) const;

 private:
  std::string root_;
};

// The cache root from the three environment variables (null or "" = unset).
std::string cacheRootFrom(const char* hyperwallCache, const char* xdgCacheHome, const char* home);

// The SVS page id in "31382", "https://svs.gsfc.nasa.gov/31382/",
// "https://svs.gsfc.nasa.gov/31382" (a #fragment or ?query is ignored) or the
// API address "https://svs.gsfc.nasa.gov/api/31382"; nullopt for anything else.
std::optional<int> svsPageIdFrom(const std::string& text);

// The SVS page a media URL was published with, from its last aNNNNNN folder:
// "https://svs.gsfc.nasa.gov/vis/a030000/a031300/a031382/cells.png" -> 31382.
std::optional<int> svsPageIdOfMedia(const std::string& url);

// The page's public address, "https://svs.gsfc.nasa.gov/31382/".
std::string svsPageUrl(int pageId);

}  // namespace hw
