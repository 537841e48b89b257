#include "hwshow/SvsMediaGroup.h"

#include "hwshow/HtmlText.h"
#include "hwshow/LenientJson.h"

namespace hw {
namespace {

std::string text(const nlohmann::json& object, const std::string& key) {
  return htmlToText(lenientString(object, key));
}

std::string quotedName(const std::string& name) { return name.empty() ? "" : " \"" + name + "\""; }

std::string withArticle(const std::string& word) {
  bool vowel = !word.empty() && std::string("AEIOUaeiou").find(word[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + word;
}

// "a Frames item \"frames.zip\"", "a link item \"Title\"", for warnings.
std::string describeItem(const nlohmann::json& item) {
  std::string type = lenientString(item, "type");
  const nlohmann::json& instance = lenientObject(item, "instance");
  if (type == "media" || (type.empty() && !instance.empty())) {
    std::string mediaType = lenientString(instance, "media_type");
    std::string name = lenientString(instance, "filename");
    if (name.empty()) name = lenientString(instance, "url");
    if (mediaType.empty()) return "a media item with no media type" + quotedName(name);
    return withArticle(mediaType) + " item" + quotedName(name);
  }
  if (type == "media_group") return "a nested media group" + quotedName(text(item, "title"));
  if (type.empty()) return item.is_object() ? "an item with no type" : "an empty item";
  std::string title = text(item, "title");
  if (title.empty()) title = text(lenientObject(item, "instance"), "title");
  return withArticle(type) + " item" + quotedName(title);
}

// A pixel size the page gives as anything but a whole number is not guessed
// at: the item's size is unknown (null and 0 say so already, without a word).
int pixelCount(const nlohmann::json& instance, const std::string& key, const nlohmann::json& item,
               SvsMediaGroup& group) {
  constexpr long long kMaxPixels = 1'000'000;  // per side; larger is a typo
  auto it = instance.find(key);
  if (it == instance.end() || it->is_null()) return 0;
  if (it->is_number_integer() && it->get<long long>() >= 0 && it->get<long long>() <= kMaxPixels)
    return static_cast<int>(it->get<long long>());
  std::string shown = it->dump();
  if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
  group.problems.push_back(describeItem(item) + ": " + key + " " + shown +
                           " is not a pixel count; its size is taken as unknown");
  return 0;
}

void readItem(const nlohmann::json& item, SvsMediaGroup& group) {
  const nlohmann::json& instance = lenientObject(item, "instance");
  std::string type = lenientString(item, "type");
  std::string mediaType = lenientString(instance, "media_type");
  std::string url = lenientString(instance, "url");
  bool media = type == "media" || (type.empty() && !instance.empty());
  if (!media || url.empty() ||
      (mediaType != "Image" && mediaType != "Movie" && mediaType != "Frames" &&
       mediaType != "HyperwallShow")) {
    std::string why =
        media && url.empty() && !mediaType.empty() ? "it has no URL" : "it cannot be shown";
    group.skipped.push_back("skipped " + describeItem(item) + ": " + why);
    return;
  }
  MediaCandidate candidate{url, pixelCount(instance, "width", item, group),
                           pixelCount(instance, "height", item, group)};
  if (candidate.width <= 0 || candidate.height <= 0) candidate.width = candidate.height = 0;
  if (mediaType == "Image")
    group.images.push_back(candidate);
  else if (mediaType == "Movie")
    group.movies.push_back(candidate);
  else if (mediaType == "Frames")
    group.frameFolders.push_back(
        {url.back() == '/' ? url : url + "/", candidate.width, candidate.height});
  else if (group.hwshowUrl.empty())
    group.hwshowUrl = url;
  else
    group.skipped.push_back("skipped a second HyperwallShow item" + quotedName(url));

  if (group.title.empty()) group.title = text(instance, "alt_text");
}

}  // namespace

SvsMediaGroup readSvsMediaGroup(const nlohmann::json& json, const std::string& pointer) {
  SvsMediaGroup group;
  std::string title = text(json, "title");
  std::string caption = text(json, "caption");
  std::string description = text(json, "description");
  std::string id = lenientString(json, "id");
  group.label = (id.empty() ? "media group at " + pointer : "media group " + id) +
                quotedName(title.empty() ? caption : title);

  std::string widget = lenientString(json, "widget");
  group.isText = widget == "Basic text";
  group.title = title.empty() ? caption : title;
  // What the page says around the picture stays with the operator.
  if (group.isText) {
    std::string note = title.empty() ? description : title + "\n\n" + description;
    if (!description.empty() || !title.empty()) group.texts.push_back(note);
    return group;
  }
  if (!title.empty() && !caption.empty()) group.texts.push_back(caption);
  if (!description.empty()) group.texts.push_back(description);

  for (const auto& item : lenientArray(json, "items")) readItem(item, group);
  return group;
}

}  // namespace hw
