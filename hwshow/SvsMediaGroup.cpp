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

void readItem(const nlohmann::json& item, SvsMediaGroup& group) {
  const nlohmann::json& instance = lenientObject(item, "instance");
  std::string type = lenientString(item, "type");
  std::string mediaType = lenientString(instance, "media_type");
  std::string url = lenientString(instance, "url");
  bool media = type == "media" || (type.empty() && !instance.empty());
  if (!media || url.empty() ||
      (mediaType != "Image" && mediaType != "Movie" && mediaType != "HyperwallShow")) {
    std::string why =
        media && url.empty() && !mediaType.empty() ? "it has no URL" : "it cannot be shown";
    group.skipped.push_back("skipped " + describeItem(item) + ": " + why);
    return;
  }
  MediaCandidate candidate{url, static_cast<int>(lenientInteger(instance, "width", 0)),
                           static_cast<int>(lenientInteger(instance, "height", 0))};
  if (candidate.width <= 0 || candidate.height <= 0) candidate.width = candidate.height = 0;
  if (mediaType == "Image")
    group.images.push_back(candidate);
  else if (mediaType == "Movie")
    group.movies.push_back(candidate);
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
