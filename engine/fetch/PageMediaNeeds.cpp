#include "engine/fetch/PageMediaNeeds.h"

#include <algorithm>

#include "hwshow/FrameFolder.h"
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

namespace {

void addOnce(std::vector<std::string>& urls, const std::string& url) {
  if (std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(url);
}

}  // namespace

std::vector<std::string> mediaUrlsOf(const Playlist& show, MediaKind kind) {
  std::vector<std::string> urls;
  for (const Cue& cue : show.cues) {
    if (!cue.playable) continue;
    for (const LayoutItem& item : cue.items) {
      const std::string& uri = item.media.uri;
      if (item.media.kind != kind || !isHttpUrl(uri) || item.media.isFrameSequence()) continue;
      addOnce(urls, uri);
    }
  }
  return urls;
}

std::vector<std::string> frameFolderUrlsOf(const Playlist& show) {
  std::vector<std::string> urls;
  for (const Cue& cue : show.cues)
    for (const LayoutItem& item : cue.items)
      if (cue.playable && item.media.isFrameSequence() && isHttpUrl(item.media.uri))
        addOnce(urls, item.media.uri);
  return urls;
}

std::vector<std::string> frameUrlsOf(const Playlist& show, const LocalMirror& mirror) {
  std::vector<std::string> urls;
  for (const std::string& folder : frameFolderUrlsOf(show))
    for (const std::string& frame : framesInCachedListing(folder, mirror)) addOnce(urls, frame);
  return urls;
}

}  // namespace hw
