#include "hwshow/HwshowCues.h"

#include <filesystem>
#include <vector>

#include "config/InputError.h"
#include "config/JsonObjectReader.h"
#include "config/NodeId.h"
#include "hwshow/HwshowIncludes.h"
#include "hwshow/HwshowMedia.h"
#include "hwshow/HwshowValues.h"
#include "hwshow/MediaChooser.h"
#include "hwshow/MovieCueTiming.h"
#include "hwshow/ShowPaths.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

constexpr int kMaxLoops = 1'000'000;  // passes of a movie cue; more is a typo

const std::vector<std::string>& cueKinds() {
  static const std::vector<std::string> kinds = {"media", "frames", "layout", "svs", "include"};
  return kinds;
}

// Reads a media value and chooses its size for `region` of the wall.
MediaRef chooseFor(const MediaSpec& spec, const Region& region, const WallConfig& wall) {
  WallCanvas canvas(wall);
  bool wholeWall = region == Region{};
  Size target =
      wholeWall ? canvas.size() : Size{canvas.regionRect(region).w, canvas.regionRect(region).h};
  MediaRef chosen =
      chooseMedia(spec.kind, spec.candidates, target, wholeWall ? "canvas" : "region");
  chosen.movie = spec.movie;
  chosen.frames = spec.frames;
  return chosen;
}

MediaRef chooseFor(const nlohmann::json& media, const std::string& pointer, const Region& region,
                   const ShowOrigin& origin, const WallConfig& wall) {
  return chooseFor(readMediaSpec(media, pointer, origin), region, wall);
}

// {"r0c0": "r0c0.mp4", ...}: node ids to movie files, resolved like media.
std::map<std::string, std::string> readDisplayMovies(JsonObjectReader& entry,
                                                     const std::string& key,
                                                     const ShowOrigin& origin) {
  std::map<std::string, std::string> movies;
  const nlohmann::json* value = entry.find(key);
  if (!value) return movies;
  if (!value->is_object())
    entry.fail(key,
               "expected an object of node ids and movie files, got " + describeJsonType(*value));
  for (const auto& [id, file] : value->items()) {
    std::string pointer = entry.pointerTo(key) + "/" + jsonPointerToken(id);
    if (std::string problem = nodeIdProblem(id); !problem.empty())
      throw InputError(origin.file, pointer, "not a node id: " + problem);
    if (!file.is_string() || file.get<std::string>().empty())
      throw InputError(origin.file, pointer,
                       "expected a movie file, got " + describeJsonType(file));
    movies[id] = resolveReference(file.get<std::string>(), origin.base);
  }
  return movies;
}

// The settings every cue kind shares; the media are read by the caller.
Cue readCommon(JsonObjectReader& entry, const CueDefaults& defaults, const ShowOrigin& origin) {
  Cue cue;
  cue.title = entry.string("title", "");
  cue.durationSeconds = readSeconds(entry, "duration", defaults.durationSeconds);
  // Only meaningful for movie cues; finish() checks that and the clash with "duration".
  cue.durationFromMovies = !entry.has("duration");
  if (entry.has("loops")) cue.loops = entry.integer("loops", 1, kMaxLoops);
  cue.transition = readTransition(entry, "transition", defaults.transition);
  cue.background = readColor(entry, "background", defaults.background);
  cue.notes = readStrings(entry, "notes");
  cue.hwshowUri = entry.string("companion", "");
  cue.displayMovies = readDisplayMovies(entry, "displayMovies", origin);
  if (entry.has("skip")) {
    cue.playable = false;
    cue.skipReason = entry.string("skip");
  }
  cue.origin = origin.file + "#" + entry.pointer();
  return cue;
}

void finish(Cue& cue, JsonObjectReader& entry) {
  std::string names;
  for (const auto& item : cue.items) {
    // Named after the first size offered, so the title does not change with the wall.
    const std::string& uri =
        item.media.candidates.empty() ? item.media.uri : item.media.candidates.front().uri;
    names += (names.empty() ? "" : " + ") + uriFileName(uri);
  }
  if (cue.title.empty()) cue.title = names;
  if (entry.has("loops") && !hasMovie(cue)) entry.fail("loops", "only a cue with a movie loops");
  if (entry.has("loops") && entry.has("duration"))
    entry.fail("loops", "give \"loops\" or \"duration\", not both");
  cue.durationFromMovies = cue.durationFromMovies && hasMovie(cue);
  settleMovieCueDuration(cue);
}

// One item across the whole wall, its media read by `readSpec`.
template <typename ReadSpec>
Cue readWholeWallCue(JsonObjectReader& entry, const CueDefaults& defaults, const ShowOrigin& origin,
                     const WallConfig& wall, ReadSpec readSpec) {
  Cue cue = readCommon(entry, defaults, origin);
  LayoutItem item;
  item.fit = readFit(entry, "fit", defaults.fit);
  item.anchor = readAnchor(entry, "anchor", Anchor{});
  MediaSpec spec = readSpec();
  entry.rejectUnknownKeys();
  item.media = chooseFor(spec, item.region, wall);
  cue.items.push_back(item);
  return cue;
}

LayoutItem readLayoutItem(JsonObjectReader& item, FitMode fit, Anchor anchor,
                          const ShowOrigin& origin, const WallConfig& wall) {
  LayoutItem layoutItem;
  layoutItem.fit = readFit(item, "fit", fit);
  layoutItem.anchor = readAnchor(item, "anchor", anchor);
  const nlohmann::json* media = item.find("media");
  item.find("region");
  item.rejectUnknownKeys();
  if (!media) item.fail("media", "required field is missing");
  if (item.has("region")) layoutItem.region = readRegion(item, "region", wall);
  layoutItem.media = chooseFor(*media, item.pointerTo("media"), layoutItem.region, origin, wall);
  return layoutItem;
}

Cue readLayoutCue(JsonObjectReader& entry, const CueDefaults& defaults, const ShowOrigin& origin,
                  const WallConfig& wall) {
  Cue cue = readCommon(entry, defaults, origin);
  FitMode fit = readFit(entry, "fit", defaults.fit);
  Anchor anchor = readAnchor(entry, "anchor", Anchor{});
  const nlohmann::json& layout = entry.array("layout");
  entry.rejectUnknownKeys();
  if (layout.empty()) entry.fail("layout", "must list at least one item");
  for (std::size_t i = 0; i < layout.size(); ++i) {
    JsonObjectReader item(layout[i], origin.file,
                          entry.pointerTo("layout") + "/" + std::to_string(i));
    cue.items.push_back(readLayoutItem(item, fit, anchor, origin, wall));
  }
  return cue;
}

}  // namespace

void readCueEntry(const nlohmann::json& json, const std::string& pointer, const ShowOrigin& origin,
                  const CueDefaults& defaults, LoadContext& context, Playlist& into) {
  JsonObjectReader entry(json, origin.file, pointer);
  std::vector<std::string> present;
  for (const auto& kind : cueKinds())
    if (entry.has(kind)) present.push_back(kind);
  if (present.size() > 1)
    entry.failHere(
        "a cue is one of \"media\", \"frames\", \"layout\", \"svs\" or \"include\", not both \"" +
        present[0] + "\" and \"" + present[1] + "\"");
  if (present.empty()) {
    // Report a misspelt key ("meda") rather than a missing one.
    for (const auto& key : cueKinds()) entry.find(key);
    for (const char* key : {"title", "duration", "loops", "fit", "anchor", "background",
                            "transition", "notes", "companion", "displayMovies", "skip"})
      entry.find(key);
    entry.rejectUnknownKeys();
    entry.failHere("a cue needs one of \"media\", \"frames\", \"layout\", \"svs\" or \"include\"");
  }

  const std::string& kind = present.front();
  if (kind == "svs") {
    includeSvsPage(entry, origin, defaults, context, into);
  } else if (kind == "include") {
    includeShow(entry, origin, context, into);
  } else {
    auto media = [&] {
      return readMediaSpec(*entry.find("media"), entry.pointerTo("media"), origin);
    };
    // {"frames": "folder/", "fps": 30, ...}: a whole-wall frame sequence.
    auto frames = [&] { return readFrameSequence(entry, "frames", origin); };
    Cue cue = kind == "media"    ? readWholeWallCue(entry, defaults, origin, context.wall, media)
              : kind == "frames" ? readWholeWallCue(entry, defaults, origin, context.wall, frames)
                                 : readLayoutCue(entry, defaults, origin, context.wall);
    finish(cue, entry);
    into.cues.push_back(std::move(cue));
  }
}

}  // namespace hw
