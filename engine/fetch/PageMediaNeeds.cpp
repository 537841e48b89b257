#include "engine/fetch/PageMediaNeeds.h"

#include <algorithm>

#include "hwshow/HttpUrl.h"
#include "hwshow/SvsMediaGroup.h"

namespace hw {

std::vector<std::string> companionShowUrls(const nlohmann::json& page) {
  std::vector<std::string> urls;
  auto groups = page.find("media_groups");
  if (groups == page.end() || !groups->is_array()) return urls;
  for (std::size_t i = 0; i < groups->size(); ++i) {
    SvsMediaGroup group = readSvsMediaGroup((*groups)[i], "/media_groups/" + std::to_string(i));
    if (!group.hwshowUrl.empty()) urls.push_back(group.hwshowUrl);
  }
  return urls;
}

std::vector<std::string> mediaUrlsOf(const Playlist& show, MediaKind kind) {
  std::vector<std::string> urls;
  for (const Cue& cue : show.cues) {
    if (!cue.playable) continue;
    for (const LayoutItem& item : cue.items) {
      const std::string& uri = item.media.uri;
      if (item.media.kind != kind || !isHttpUrl(uri)) continue;
      if (std::find(urls.begin(), urls.end(), uri) == urls.end()) urls.push_back(uri);
    }
  }
  return urls;
}

}  // namespace hw
