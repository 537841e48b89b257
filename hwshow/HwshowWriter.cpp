#include "hwshow/HwshowWriter.h"

#include "hwshow/HttpUrl.h"
#include "hwshow/HwshowMedia.h"
#include "hwshow/HwshowValues.h"
#include "hwshow/MovieCueTiming.h"
#include "hwshow/ShowPaths.h"

namespace hw {
namespace {

// Keys stay in the order written below, the order an author reads a show in:
// "hwshow" first, then what the show is, its defaults, and the cues.
using json = nlohmann::ordered_json;

bool sameTransition(const Transition& a, const Transition& b) {
  return a.type == b.type && a.seconds == b.seconds;
}

json transitionJson(const Transition& transition) {
  return {{"type", transitionTypeName(transition.type)}, {"seconds", transition.seconds}};
}

bool centred(Anchor anchor) { return anchor.x == 0.5 && anchor.y == 0.5; }

json anchorJson(Anchor anchor) {
  std::string name = anchorName(anchor);
  if (!name.empty()) return name;
  return {{"x", anchor.x}, {"y", anchor.y}};
}

json candidateJson(const MediaCandidate& candidate, const std::string& baseDir) {
  json file = {{"uri", relativeReference(candidate.uri, baseDir)}};
  if (candidate.width > 0 && candidate.height > 0) {
    file["width"] = candidate.width;
    file["height"] = candidate.height;
  }
  return file;
}

// A frame sequence: its folder, and its files where reading the folder again
// would not find them (URLs from a listing, a node's asset: references).
json frameSequenceJson(const MediaRef& media, const std::string& baseDir) {
  json out = {{"folder", relativeReference(media.uri, baseDir)}};
  if (media.movie.rate.known()) out["fps"] = frameRateText(media.movie.rate);
  if (media.width > 0 && media.height > 0) {
    out["width"] = media.width;
    out["height"] = media.height;
  }
  bool listable = !isHttpUrl(media.uri) && !isAssetReference(media.uri) && !media.frames.empty() &&
                  media.frames.front().rfind(media.uri, 0) == 0;
  if (!media.frames.empty() && !listable) {
    out["files"] = json::array();
    for (const std::string& file : media.frames)
      out["files"].push_back(relativeReference(file, media.uri));
  }
  return out;
}

// A bare file name when nothing else needs saying; every size when several.
json mediaJson(const MediaRef& media, const std::string& baseDir) {
  if (media.isFrameSequence()) return frameSequenceJson(media, baseDir);
  std::vector<MediaCandidate> files = media.candidates;
  if (files.empty()) files.push_back({media.uri, media.width, media.height});
  bool kindNeeded = (media.kind == MediaKind::Movie) != looksLikeMovie(files.front().uri);
  json out;
  if (files.size() == 1) {
    out = candidateJson(files.front(), baseDir);
    if (out.size() == 1 && !kindNeeded && !media.movie.known()) return out["uri"];
  } else {
    out["sizes"] = json::array();
    for (const auto& file : files) out["sizes"].push_back(candidateJson(file, baseDir));
  }
  if (kindNeeded) out["kind"] = media.kind == MediaKind::Movie ? "movie" : "image";
  if (media.movie.known()) {
    out["fps"] = frameRateText(media.movie.rate);
    out["frames"] = media.movie.frames;
  }
  return out;
}

json regionJson(const Region& region) {
  json out = {{"col", region.col}, {"row", region.row}};
  if (region.cols > 0) out["cols"] = region.cols;
  if (region.rows > 0) out["rows"] = region.rows;
  return out;
}

void placement(json& out, const LayoutItem& item, const CueDefaults& defaults) {
  if (item.fit != defaults.fit) out["fit"] = fitName(item.fit);
  if (!centred(item.anchor)) out["anchor"] = anchorJson(item.anchor);
}

json cueJson(const Cue& cue, const CueDefaults& defaults, const std::string& baseDir) {
  json out = json::object();
  if (!cue.title.empty()) out["title"] = cue.title;
  if (cue.items.size() == 1 && cue.items.front().region == Region{}) {
    out["media"] = mediaJson(cue.items.front().media, baseDir);
    placement(out, cue.items.front(), defaults);
  } else {
    out["layout"] = json::array();
    for (const auto& item : cue.items) {
      json entry = {{"media", mediaJson(item.media, baseDir)}};
      if (!(item.region == Region{})) entry["region"] = regionJson(item.region);
      placement(entry, item, defaults);
      out["layout"].push_back(entry);
    }
  }
  if (cue.durationFromMovies) {
    if (cue.loops != 1) out["loops"] = cue.loops;
  } else if (cue.durationSeconds != defaults.durationSeconds) {
    out["duration"] = cue.durationSeconds;
  }
  if (!sameTransition(cue.transition, defaults.transition))
    out["transition"] = transitionJson(cue.transition);
  if (!(cue.background == defaults.background)) out["background"] = colorText(cue.background);
  if (cue.notes.size() == 1) out["notes"] = cue.notes.front();
  if (cue.notes.size() > 1) out["notes"] = cue.notes;
  if (!cue.hwshowUri.empty()) out["companion"] = cue.hwshowUri;
  for (const auto& [id, movie] : cue.displayMovies)
    out["displayMovies"][id] = relativeReference(movie, baseDir);
  return out;
}

void putIfSet(json& out, const char* key, const std::string& value) {
  if (!value.empty()) out[key] = value;
}

void putIfSet(json& out, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) out[key] = values;
}

}  // namespace

json playlistToHwshow(const Playlist& playlist, const std::string& baseDir) {
  const ShowMetadata& m = playlist.metadata;
  const CueDefaults& d = playlist.defaults;
  json show = {{"hwshow", 1}};
  putIfSet(show, "title", m.title);
  putIfSet(show, "description", m.description);
  putIfSet(show, "credits", m.credits);
  putIfSet(show, "keywords", m.keywords);
  putIfSet(show, "release_date", m.releaseDate);
  putIfSet(show, "svs_page", m.svsPageUrl);
  show["defaults"] = {{"duration", d.durationSeconds},
                      {"fit", fitName(d.fit)},
                      {"background", colorText(d.background)},
                      {"transition", transitionJson(d.transition)},
                      {"loop", playlist.loop}};
  show["cues"] = json::array();
  for (const auto& cue : playlist.cues) show["cues"].push_back(cueJson(cue, d, baseDir));
  return show;
}

}  // namespace hw
