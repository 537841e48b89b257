#include "hwshow/ShowLoader.h"

#include <stdexcept>

#include "config/InputError.h"
#include "config/JsonFile.h"
#include "config/JsonObjectReader.h"
#include "hwshow/HwshowParser.h"
#include "hwshow/ImageFolderSource.h"
#include "hwshow/PlaylistMerge.h"
#include "hwshow/ShowPaths.h"
#include "hwshow/ShowSourceKind.h"
#include "hwshow/SvsPageParser.h"

namespace hw {
namespace {

// A .json is an SVS page or one of our shows; the content decides.
Playlist loadJsonSource(const std::string& path, LoadContext& context) {
  nlohmann::json document = readJsonFile(path);
  if (!document.is_object())
    throw InputError(path, "/", "expected an object, got " + describeJsonType(document));
  auto entry = context.includes.enter(path, path, "");
  if (document.contains("media_groups")) return parseSvsPage(document, path, {}, context);
  if (document.contains("hwshow")) return parseHwshow(document, localOrigin(path), context);
  throw InputError(path, "/",
                   "neither an SVS page (no \"media_groups\") nor a .hwshow show (no \"hwshow\")");
}

Playlist loadCachedPage(const std::string& source, int id, LoadContext& context) {
  std::string path = context.mirror.pagePath(id);
  if (!isRegularFile(path))
    throw InputError(source, "",
                     "SVS page " + std::to_string(id) + " is not in the local cache (" + path +
                         "); run \"hyperwall fetch " + std::to_string(id) + "\" first");
  auto entry = context.includes.enter(path, source, "");
  return readSvsPageFile(path, {}, context);
}

Playlist loadShowFile(const std::string& path, LoadContext& context) {
  auto entry = context.includes.enter(path, path, "");
  return readHwshow(localOrigin(path), context);
}

Playlist loadOne(const std::string& source, ShowSourceKind kind, LoadContext& context) {
  switch (kind) {
    case ShowSourceKind::ImageFolder:
      return loadImageFolder(source, context.wall);
    case ShowSourceKind::CachedPage:
      return loadCachedPage(source, *svsPageIdFrom(source), context);
    case ShowSourceKind::JsonFile:
      return loadJsonSource(source, context);
    case ShowSourceKind::HwshowFile:
      return loadShowFile(source, context);
    case ShowSourceKind::ImageFile:
      return loadImageFiles({source}, context.wall);
  }
  throw std::logic_error("unhandled show source kind");
}

}  // namespace

void requireSomethingToShow(const Playlist& show) {
  std::string problem = "nothing to show: ";
  if (show.cues.empty()) {
    problem += "no cue";
    if (!show.warnings.empty()) problem += " (" + show.warnings.front() + ")";
  } else {
    for (const Cue& cue : show.cues)
      if (cue.playable) return;
    const Cue& first = show.cues.front();
    problem += "no cue can play (cue 1 \"" + first.title + "\": " + first.skipReason + ")";
  }
  throw InputError(show.metadata.source, "", problem);
}

Playlist loadShow(const std::vector<std::string>& sources, const WallConfig& wall) {
  return loadShow(sources, wall, LocalMirror::fromEnvironment());
}

Playlist loadShow(const std::vector<std::string>& sources, const WallConfig& wall,
                  const LocalMirror& mirror) {
  if (sources.empty()) throw InputError("", "", "no show given");
  LoadContext context{wall, mirror, {}};
  Playlist show;
  bool first = true;
  for (std::size_t i = 0; i < sources.size();) {
    ShowSourceKind kind = detectShowSourceKind(sources[i]);
    Playlist part;
    if (kind == ShowSourceKind::ImageFile) {
      // Image files given together are one sorted run.
      std::vector<std::string> run;
      while (i < sources.size() && detectShowSourceKind(sources[i]) == ShowSourceKind::ImageFile)
        run.push_back(sources[i++]);
      part = loadImageFiles(run, wall);
    } else {
      part = loadOne(sources[i++], kind, context);
    }
    if (first) {
      show = std::move(part);
      first = false;
    } else {
      appendPlaylist(show, std::move(part));
    }
  }
  if (sources.size() > 1) {
    show.metadata.source.clear();
    for (const auto& source : sources)
      show.metadata.source += (show.metadata.source.empty() ? "" : " ") + source;
  }
  requireSomethingToShow(show);
  return show;
}

}  // namespace hw
