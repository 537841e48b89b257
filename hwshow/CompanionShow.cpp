#include "hwshow/CompanionShow.h"

#include "config/InputError.h"
#include "hwshow/HttpUrl.h"
#include "hwshow/HwshowParser.h"
#include "hwshow/ShowPaths.h"

namespace hw {
namespace {

std::optional<ShowOrigin> findLocalCopy(const std::string& url, const std::string& pageFile,
                                        const LocalMirror& mirror) {
  std::optional<HttpUrl> parsed = parseHttpUrl(url);
  if (!parsed) return std::nullopt;
  if (auto mirrored = mirror.mediaPath(url); mirrored && isRegularFile(*mirrored))
    return ShowOrigin{*mirrored, resolveReference("./", url)};
  std::string name = parsed->path.substr(parsed->path.rfind('/') + 1);
  if (name.empty()) return std::nullopt;
  std::string beside = siblingPath(pageFile, name);
  if (isRegularFile(beside)) return localOrigin(beside);
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<LayoutItem>> companionLayout(const std::string& url,
                                                       const std::string& pageFile,
                                                       const std::string& warningPrefix,
                                                       LoadContext& context,
                                                       std::vector<std::string>& warnings) {
  std::optional<ShowOrigin> origin = findLocalCopy(url, pageFile, context.mirror);
  if (!origin) return std::nullopt;
  Playlist companion;
  try {
    auto entry = context.includes.enter(origin->file, pageFile, "");
    companion = readHwshow(*origin, context);
  } catch (const InputError& e) {
    warnings.push_back(warningPrefix + "companion show not used: " + e.what());
    return std::nullopt;
  }
  warnings.insert(warnings.end(), companion.warnings.begin(), companion.warnings.end());
  if (companion.cues.empty()) {
    warnings.push_back(warningPrefix + "companion show " + origin->file + " has no cues");
    return std::nullopt;
  }
  if (companion.cues.size() > 1)
    warnings.push_back(warningPrefix + "companion show " + origin->file + " has " +
                       std::to_string(companion.cues.size()) +
                       " cues; only the first one's layout is used");
  return companion.cues.front().items;
}

}  // namespace hw
