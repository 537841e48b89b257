#include "engine/fetch/PageMediaNeeds.h"

#include "tiler/WallCanvas.h"

namespace hw {
namespace {

int sizeField(const nlohmann::json& instance, const char* key);
std::string textField(const nlohmann::json& object, const char* key);

// Every media instance of the page's groups, group by group.
template <typename Visit>
void forEachInstance(const nlohmann::json& page, Visit visit) {
  auto groups = page.find("media_groups");
  if (groups == page.end() || !groups->is_array()) return;
  for (const nlohmann::json& group : *groups) {
    auto items = group.find("items");
    if (!group.is_object() || items == group.end() || !items->is_array()) continue;
    for (const nlohmann::json& item : *items) {
      auto instance = item.is_object() ? item.find("instance") : item.end();
      if (instance == item.end() || !instance->is_object()) continue;
      std::string type = textField(*instance, "media_type");
      std::string url = textField(*instance, "url");
      if (!url.empty()) visit(group, type, url, *instance);
    }
  }
}

// Pages are lenient input: a null or a string where a size should be is "unknown".
int sizeField(const nlohmann::json& instance, const char* key) {
  auto it = instance.find(key);
  return it != instance.end() && it->is_number_integer() ? it->get<int>() : 0;
}

std::string textField(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::vector<std::string> companionShowUrls(const nlohmann::json& page) {
  std::vector<std::string> urls;
  forEachInstance(page, [&](const nlohmann::json&, const std::string& type, const std::string& url,
                            const nlohmann::json&) {
    if (type == "HyperwallShow") urls.push_back(url);
  });
  return urls;
}

std::vector<std::string> imageUrlsForWall(const nlohmann::json& page, const WallConfig& wall) {
  Size canvas = WallCanvas(wall).size();
  std::vector<std::string> urls;
  const nlohmann::json* group = nullptr;
  std::string smallestCovering, largest;
  long long smallestArea = -1, largestArea = -1;
  auto close = [&] {
    if (!smallestCovering.empty()) urls.push_back(smallestCovering);
    else if (!largest.empty()) urls.push_back(largest);
    smallestCovering.clear();
    largest.clear();
    smallestArea = largestArea = -1;
  };
  forEachInstance(page, [&](const nlohmann::json& g, const std::string& type, const std::string& url,
                            const nlohmann::json& instance) {
    if (&g != group) close();
    group = &g;
    if (type != "Image") return;
    int w = sizeField(instance, "width"), h = sizeField(instance, "height");
    long long area = 1LL * w * h;
    if (w >= canvas.w && h >= canvas.h && (smallestArea < 0 || area < smallestArea)) {
      smallestCovering = url;
      smallestArea = area;
    }
    if (area > largestArea) {
      largest = url;
      largestArea = area;
    }
  });
  close();
  return urls;
}

}  // namespace hw
