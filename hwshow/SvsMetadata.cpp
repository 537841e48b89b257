#include "hwshow/SvsMetadata.h"

#include "hwshow/HtmlText.h"
#include "hwshow/HttpUrl.h"
#include "hwshow/LenientJson.h"
#include "hwshow/LocalMirror.h"

namespace hw {
namespace {

std::string text(const nlohmann::json& object, const std::string& key) {
  return htmlToText(lenientString(object, key));
}

// One line per person: "Role: Name (Employer)".
std::vector<std::string> readCredits(const nlohmann::json& page) {
  std::vector<std::string> credits;
  for (const auto& credit : lenientArray(page, "credits")) {
    std::string role = text(credit, "role");
    for (const auto& person : lenientArray(credit, "people")) {
      std::string name = text(person, "name");
      if (name.empty()) continue;
      std::string employer = text(person, "employer");
      credits.push_back((role.empty() ? "" : role + ": ") + name +
                        (employer.empty() ? "" : " (" + employer + ")"));
    }
  }
  return credits;
}

std::vector<std::string> readKeywords(const nlohmann::json& page) {
  std::vector<std::string> keywords;
  for (const auto& keyword : lenientArray(page, "keywords")) {
    if (!keyword.is_string()) continue;
    std::string word = htmlToText(keyword.get<std::string>());
    if (!word.empty()) keywords.push_back(word);
  }
  return keywords;
}

}  // namespace

ShowMetadata readSvsMetadata(const nlohmann::json& page) {
  ShowMetadata metadata;
  metadata.title = text(page, "title");
  metadata.description = text(page, "description");
  metadata.credits = readCredits(page);
  metadata.keywords = readKeywords(page);
  metadata.releaseDate = lenientString(page, "release_date");
  std::string url = lenientString(page, "url");
  if (isHttpUrl(url)) {
    metadata.svsPageUrl = url;
  } else if (auto id = svsPageIdFrom(lenientString(page, "id"))) {
    metadata.svsPageUrl = svsPageUrl(*id);
  }
  return metadata;
}

}  // namespace hw
