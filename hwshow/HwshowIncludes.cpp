#include "hwshow/HwshowIncludes.h"

#include "hwshow/HttpUrl.h"
#include "hwshow/HwshowParser.h"
#include "hwshow/HwshowValues.h"
#include "hwshow/PlaylistMerge.h"
#include "hwshow/SvsPageParser.h"

namespace hw {
namespace {

std::string cachedPage(JsonObjectReader& entry, int id, const LocalMirror& mirror) {
  std::string path = mirror.pagePath(id);
  if (!isRegularFile(path))
    entry.fail("svs", "SVS page " + std::to_string(id) + " is not in the local cache (" + path +
                          "); run \"hyperwall fetch " + std::to_string(id) + "\" first");
  return path;
}

// A URL a show names is read from its local copy: nothing is downloaded here.
std::string mirroredCopy(JsonObjectReader& entry, const std::string& key, const std::string& url,
                         const LocalMirror& mirror) {
  std::optional<std::string> path = mirror.mediaPath(url);
  if (!path || !isRegularFile(*path))
    entry.fail(key, "\"" + url + "\" is not in the local cache (" + path.value_or("?") + ")");
  return *path;
}

std::string pageFile(JsonObjectReader& entry, const ShowOrigin& origin, LoadContext& context) {
  const nlohmann::json& value = *entry.find("svs");
  if (value.is_number_integer()) {
    int id = entry.integer("svs", 1, 999'999'999);
    return cachedPage(entry, id, context.mirror);
  }
  if (!value.is_string())
    entry.fail("svs",
               "expected a page file, SVS page id or SVS page URL, got " + describeJsonType(value));
  std::string written = value.get<std::string>();
  if (auto id = svsPageIdFrom(written)) return cachedPage(entry, *id, context.mirror);
  std::string resolved = resolveReference(written, origin.base);
  if (isHttpUrl(resolved)) {
    if (auto id = svsPageIdFrom(resolved)) return cachedPage(entry, *id, context.mirror);
    return mirroredCopy(entry, "svs", resolved, context.mirror);
  }
  std::string path = siblingPath(origin.file, written);
  if (!isRegularFile(path)) entry.fail("svs", "no such file \"" + written + "\"");
  return path;
}

// Cue keys that make no sense here get a reason instead of a bare "unknown field".
void refuseCueKeys(JsonObjectReader& entry, const std::string& kind,
                   std::initializer_list<const char*> keys, const std::string& why) {
  for (const char* key : keys)
    if (entry.has(key))
      entry.fail(key, "\"" + std::string(key) + "\" does not apply to an \"" + kind + "\" cue (" +
                          why + ")");
}

}  // namespace

void includeSvsPage(JsonObjectReader& entry, const ShowOrigin& origin, const CueDefaults& defaults,
                    LoadContext& context, Playlist& into) {
  entry.find("svs");
  refuseCueKeys(entry, "svs", {"title", "notes", "anchor", "companion"},
                "its cues come from the page; it takes duration, fit, background and transition");
  CueDefaults pageDefaults;
  pageDefaults.durationSeconds = readSeconds(entry, "duration", defaults.durationSeconds);
  pageDefaults.fit = readFit(entry, "fit", defaults.fit);
  pageDefaults.background = readColor(entry, "background", defaults.background);
  pageDefaults.transition = readTransition(entry, "transition", defaults.transition);
  entry.rejectUnknownKeys();
  std::string path = pageFile(entry, origin, context);
  auto open = context.includes.enter(path, origin.file, entry.pointerTo("svs"));
  appendPlaylist(into, readSvsPageFile(path, pageDefaults, context));
}

void includeShow(JsonObjectReader& entry, const ShowOrigin& origin, LoadContext& context,
                 Playlist& into) {
  std::string written = entry.string("include");
  refuseCueKeys(
      entry, "include",
      {"title", "notes", "anchor", "companion", "duration", "fit", "background", "transition"},
      "set it in the included show");
  entry.rejectUnknownKeys();
  ShowOrigin nested;
  std::string resolved = resolveReference(written, origin.base);
  if (isHttpUrl(resolved)) {
    nested = {mirroredCopy(entry, "include", resolved, context.mirror),
              resolveReference("./", resolved)};
  } else {
    std::string path = siblingPath(origin.file, written);
    if (!isRegularFile(path)) entry.fail("include", "no such file \"" + written + "\"");
    nested = localOrigin(path);
  }
  auto open = context.includes.enter(nested.file, origin.file, entry.pointerTo("include"));
  appendPlaylist(into, readHwshow(nested, context));
}

}  // namespace hw
