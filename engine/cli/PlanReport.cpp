#include "engine/cli/PlanReport.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "hwshow/HttpUrl.h"
#include "hwshow/HwshowValues.h"
#include "hwshow/ImageHeaderSize.h"
#include "hwshow/LocalMirror.h"
#include "hwshow/MovieCueTiming.h"
#include "hwshow/ShowPaths.h"
#include "tiler/DisplayViews.h"
#include "tiler/Placement.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

constexpr int kPlanVersion = 1;
// Canvas px per media px above which a picture looks soft on the wall: worth a warning.
constexpr double kMostEnlargement = 1.5;

// Fractions are kept to 1/1000 px: enough to see seams, stable for golden files.
double rounded(double v) { return std::round(v * 1000.0) / 1000.0; }

nlohmann::json rectJson(const RectD& r) {
  return {{"x", rounded(r.x)}, {"y", rounded(r.y)}, {"w", rounded(r.w)}, {"h", rounded(r.h)}};
}

// Where the pixels will come from on this machine, and the size if the
// source did not say (a folder of images): read from the file header.
struct MediaOnDisk {
  std::string availability;  // "file", "cached", "stand-in" or "missing"
  std::string localPath;
  Size size;
};

// A frame sequence is here when every frame its listing names is.
MediaOnDisk locateFrames(const MediaRef& media) {
  MediaOnDisk found;
  found.size = {media.width, media.height};
  LocalMirror mirror = LocalMirror::fromEnvironment();
  bool all = !media.frames.empty();
  for (const std::string& frame : media.frames)
    all = all && isRegularFile(isHttpUrl(frame) ? mirror.mediaPath(frame).value_or("") : frame);
  found.availability = !all ? "missing" : isHttpUrl(media.uri) ? "cached" : "file";
  return found;
}

MediaOnDisk locate(const MediaRef& media) {
  if (media.isFrameSequence()) return locateFrames(media);
  MediaOnDisk found;
  found.size = {media.width, media.height};
  std::error_code ec;
  found.localPath = isHttpUrl(media.uri)
                        ? LocalMirror::fromEnvironment().mediaPath(media.uri).value_or("")
                        : media.uri;
  if (!found.localPath.empty() && std::filesystem::is_regular_file(found.localPath, ec)) {
    found.availability = isHttpUrl(media.uri) ? "cached" : "file";
    if (found.size.w <= 0 || found.size.h <= 0)
      found.size = imageSizeFromHeader(found.localPath);
  } else {
    found.localPath.clear();
    // Of a known size, a picture shows a stand-in card and a movie a stand-in movie.
    bool sized = media.width > 0 && media.height > 0;
    bool standIn = isHttpUrl(media.uri) && sized;
    found.availability = standIn ? "stand-in" : "missing";
  }
  return found;
}

std::string fixed2(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", v);
  return text;
}

// Says where the wall shows a picture blown up, so the author can offer a bigger one.
void warnIfEnlarged(const Placement& placement, const MediaRef& media, const std::string& cueName,
                    std::vector<std::string>& warnings) {
  double scale = std::max(placement.scaleX(), placement.scaleY());
  if (scale <= kMostEnlargement) return;
  warnings.push_back(cueName + ": " + std::filesystem::path(media.uri).filename().string() + " (" +
                     std::to_string(placement.media.w) + "x" + std::to_string(placement.media.h) +
                     ") is enlarged " + fixed2(scale) + "x on the wall (more than " +
                     fixed2(kMostEnlargement) + "x looks soft); offer a larger picture");
}

nlohmann::json itemJson(const LayoutItem& item, const WallConfig& wall, const WallCanvas& canvas,
                        const std::string& cueName, std::vector<std::string>& warnings) {
  MediaOnDisk disk = locate(item.media);
  nlohmann::json candidates = nlohmann::json::array();
  for (const auto& c : item.media.candidates)
    candidates.push_back({{"uri", c.uri}, {"width", c.width}, {"height", c.height}});

  RectI target = canvas.regionRect(item.region);
  nlohmann::json out = {
      {"media",
       {{"kind", item.media.isFrameSequence()          ? "frames"
                 : item.media.kind == MediaKind::Movie ? "movie"
                                                       : "image"},
        {"uri", item.media.uri},
        {"width", disk.size.w},
        {"height", disk.size.h},
        {"choice", item.media.choice},
        {"availability", disk.availability},
        {"candidates", candidates}}},
      {"region",
       {{"col", item.region.col},
        {"row", item.region.row},
        {"cols", item.region.cols > 0 ? item.region.cols : wall.cols - item.region.col},
        {"rows", item.region.rows > 0 ? item.region.rows : wall.rows - item.region.row}}},
      {"fit", fitName(item.fit)},
      {"anchor", {{"x", item.anchor.x}, {"y", item.anchor.y}}},
      {"target", rectJson(toRectD(target))},
  };
  nlohmann::json displays = nlohmann::json::array();
  if (item.media.movie.known())
    out["media"]["movie"] = {{"fps", frameRateText(item.media.movie.rate)},
                             {"frames", item.media.movie.frames},
                             {"seconds", item.media.movie.seconds()}};
  if (disk.size.w > 0 && disk.size.h > 0) {
    Placement placement = placeItem(item, disk.size, canvas);
    out["placed"] = rectJson(placement.placed);
    warnIfEnlarged(placement, item.media, cueName, warnings);
    for (const DisplayView& view : displayViews(placement, wall)) {
      if (!view.visible) continue;
      displays.push_back({{"node", view.nodeId}, {"col", view.col}, {"row", view.row},
                          {"rotation", static_cast<int>(view.rotation)},
                          {"source", rectJson(view.source)}, {"dest", rectJson(view.dest)}});
    }
  }
  out["displays"] = displays;
  return out;
}

nlohmann::json cueJson(const Cue& cue, std::size_t index, const WallConfig& wall,
                       const WallCanvas& canvas, std::vector<std::string>& warnings) {
  std::string cueName = "cue " + std::to_string(index + 1) + " \"" + cue.title + "\"";
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : cue.items)
    items.push_back(itemJson(item, wall, canvas, cueName, warnings));
  nlohmann::json out = {
      {"index", index + 1},
      {"title", cue.title},
      {"origin", cue.origin},
      {"duration_s", cue.durationSeconds},
      {"transition",
       {{"type", transitionTypeName(cue.transition.type)},
        {"seconds", cue.transition.seconds}}},
      {"background", colorText(cue.background)},
      {"playable", cue.playable},
      {"notes", cue.notes},
      {"items", items},
  };
  if (!cue.playable) out["skip_reason"] = cue.skipReason;
  if (!cue.hwshowUri.empty()) out["hwshow"] = cue.hwshowUri;
  return out;
}

}  // namespace

nlohmann::json planReport(const Playlist& playlist, const WallConfig& wall) {
  WallCanvas canvas(wall);
  const ShowMetadata& meta = playlist.metadata;
  nlohmann::json cues = nlohmann::json::array();
  std::vector<std::string> warnings = playlist.warnings;
  for (std::size_t i = 0; i < playlist.cues.size(); ++i)
    cues.push_back(cueJson(playlist.cues[i], i, wall, canvas, warnings));
  return {
      {"plan_version", kPlanVersion},
      {"wall",
       {{"name", wall.name},
        {"cols", wall.cols},
        {"rows", wall.rows},
        {"display", {{"width", wall.displayWidth}, {"height", wall.displayHeight}}},
        {"gap", {{"x", canvas.gapX()}, {"y", canvas.gapY()}}},
        {"canvas", {{"width", canvas.size().w}, {"height", canvas.size().h}}},
        {"active_nodes", wall.activeNodeCount()}}},
      {"show",
       {{"title", meta.title},
        {"source", meta.source},
        {"svs_page", meta.svsPageUrl},
        {"description", meta.description},
        {"credits", meta.credits},
        {"keywords", meta.keywords},
        {"release_date", meta.releaseDate},
        {"loop", playlist.loop}}},
      {"cues", cues},
      {"warnings", warnings},
  };
}

}  // namespace hw
