#include "hwshow/SvsPageParser.h"

#include <algorithm>

#include "config/InputError.h"
#include "config/JsonFile.h"
#include "config/JsonObjectReader.h"
#include "hwshow/CompanionShow.h"
#include "hwshow/FrameFolder.h"
#include "hwshow/MediaChooser.h"
#include "hwshow/ShowPaths.h"
#include "hwshow/SvsMediaGroup.h"
#include "hwshow/SvsMetadata.h"
#include "hwshow/SvsMovieName.h"
#include "tiler/WallCanvas.h"

namespace hw {
namespace {

constexpr double kSameShapeTolerance = 1.02;  // aspect ratios within 2% are one picture

// Sizes of one picture share its shape; warn when a group mixes pictures.
bool mixesShapes(const std::vector<MediaCandidate>& images) {
  double lo = 0, hi = 0;
  for (const auto& image : images) {
    if (image.width <= 0 || image.height <= 0) continue;
    double ratio = static_cast<double>(image.width) / image.height;
    lo = lo == 0 ? ratio : std::min(lo, ratio);
    hi = std::max(hi, ratio);
  }
  return lo > 0 && hi / lo > kSameShapeTolerance;
}

class PageToCues {
 public:
  PageToCues(const std::string& file, const CueDefaults& defaults, LoadContext& context,
             Playlist& playlist)
      : file_(file),
        defaults_(defaults),
        context_(context),
        playlist_(playlist),
        canvas_(WallCanvas(context.wall).size()) {}

  void group(const nlohmann::json& json, const std::string& pointer) {
    if (!json.is_object()) {
      warn(pointer + ": skipped " + describeJsonType(json) + " where a media group belongs");
      return;
    }
    SvsMediaGroup group = readSvsMediaGroup(json, pointer);
    for (const auto& line : group.skipped) warn(group.label + ": " + line);
    for (const auto& line : group.problems) warn(group.label + ": " + line);
    if (group.isText) {
      addNotes(group.texts);
      return;
    }

    std::optional<std::vector<LayoutItem>> companion;
    if (!group.hwshowUrl.empty())
      companion = companionLayout(group.hwshowUrl, file_, file_ + ": " + group.label + ": ",
                                  context_, playlist_.warnings);
    if (group.images.empty() && group.movies.empty() && group.frameFolders.empty() && !companion) {
      if (group.skipped.empty()) warn(group.label + ": nothing to show");
      return;
    }
    if (!group.images.empty() || !group.movies.empty() || companion) {
      Cue cue = makeCue(group, pointer);
      if (companion) cue.items = *companion;
      addCue(std::move(cue), group);
    }
    for (const MediaCandidate& folder : group.frameFolders) {
      if (!readFrameFolderName(folder.uri).rate.known()) {
        warn(group.label + ": skipped a Frames item \"" + uriFileName(folder.uri) +
             "\": its folder name gives no frame rate (such as _30p)");
        continue;
      }
      addCue(frameCue(group, folder, pointer), group);
    }
  }

 private:
  void warn(const std::string& line) { playlist_.warnings.push_back(file_ + ": " + line); }

  void addCue(Cue cue, const SvsMediaGroup& group) {
    cue.notes = std::move(pendingNotes_);
    pendingNotes_.clear();
    cue.notes.insert(cue.notes.end(), group.texts.begin(), group.texts.end());
    playlist_.cues.push_back(std::move(cue));
  }

  // A Frames item: a folder of numbered pictures played as a movie, once
  // through; its size and rate from the folder names. Its frames come from
  // the folder's listing once fetched (MovieProbe; skipped until then).
  Cue frameCue(const SvsMediaGroup& group, MediaCandidate folder, const std::string& pointer) {
    Cue cue = commonCue(group, pointer);
    cue.title = (group.title.empty() ? group.label : group.title) + " (frames " +
                uriFileName(folder.uri) + ")";
    SvsMovieName said = readFrameFolderName(folder.uri);
    if (folder.width <= 0 || folder.height <= 0) {
      folder.width = said.width;
      folder.height = said.height;
    }
    LayoutItem item;
    item.fit = defaults_.fit;
    item.media = chooseMedia(MediaKind::Movie, {folder}, canvas_, "canvas");
    item.media.movie.rate = said.rate;
    cue.items.push_back(item);
    cue.durationFromMovies = true;
    return cue;
  }

  // Text between cues belongs to both neighbours: the operator reads it while
  // the cue before is up and again when the next one comes.
  void addNotes(const std::vector<std::string>& texts) {
    for (const auto& text : texts) {
      if (!playlist_.cues.empty()) playlist_.cues.back().notes.push_back(text);
      pendingNotes_.push_back(text);
    }
  }

  // The shape of the group's largest image of known size (its poster), which
  // completes a movie size its file name gives only as lines; 0 when none.
  static double posterAspect(const std::vector<MediaCandidate>& images) {
    const MediaCandidate* poster = nullptr;
    for (const auto& image : images)
      if (image.width > 0 && image.height > 0 &&
          (!poster || 1LL * image.width * image.height > 1LL * poster->width * poster->height))
        poster = &image;
    return poster ? static_cast<double>(poster->width) / poster->height : 0.0;
  }

  Cue commonCue(const SvsMediaGroup& group, const std::string& pointer) const {
    Cue cue;
    cue.title = group.title.empty() ? group.label : group.title;
    cue.durationSeconds = defaults_.durationSeconds;
    cue.transition = defaults_.transition;
    cue.background = defaults_.background;
    cue.origin = file_ + "#" + pointer;
    return cue;
  }

  Cue makeCue(const SvsMediaGroup& group, const std::string& pointer) {
    Cue cue = commonCue(group, pointer);
    cue.hwshowUri = group.hwshowUrl;
    LayoutItem item;
    item.fit = defaults_.fit;
    if (!group.movies.empty()) {
      SvsMovieVersions versions = chooseSvsMovieVersion(group.movies, posterAspect(group.images));
      item.media = chooseMedia(MediaKind::Movie, versions.shown, canvas_, "canvas");
      item.media.movie.rate = readSvsMovieName(item.media.uri, 1.0).rate;
      if (!versions.others.empty()) {
        std::string names;
        for (const auto& name : versions.others) names += (names.empty() ? "" : ", ") + name;
        warn(group.label + ": showing " + uriFileName(item.media.uri) +
             "; its other movies differ by more than size and are not shown: " + names);
      }
      // An SVS page gives no durations: a movie plays once through.
      cue.durationFromMovies = true;
      if (!group.images.empty())
        warn(group.label + ": " + std::to_string(group.images.size()) +
             " still image(s) beside the movie are not shown");
    } else if (!group.images.empty()) {
      item.media = chooseMedia(MediaKind::Image, group.images, canvas_, "canvas");
      if (mixesShapes(group.images))
        warn(group.label +
             ": its images differ in shape; they are taken as sizes of one "
             "picture and only one is shown");
    }
    if (!item.media.uri.empty()) cue.items.push_back(item);
    return cue;
  }

  const std::string& file_;
  const CueDefaults& defaults_;
  LoadContext& context_;
  Playlist& playlist_;
  Size canvas_;
  std::vector<std::string> pendingNotes_;  // text seen since the last cue, for the next one
};

}  // namespace

Playlist parseSvsPage(const nlohmann::json& page, const std::string& file,
                      const CueDefaults& defaults, LoadContext& context) {
  if (!page.is_object())
    throw InputError(file, "/", "expected an object (an SVS page), got " + describeJsonType(page));
  Playlist playlist;
  playlist.defaults = defaults;
  playlist.metadata = readSvsMetadata(page);
  playlist.metadata.source = file;

  auto groups = page.find("media_groups");
  if (groups == page.end() || !groups->is_array()) {
    playlist.warnings.push_back(
        file + ": /media_groups: no media groups to show (got " +
        (groups == page.end() ? std::string("nothing") : describeJsonType(*groups)) + ")");
    return playlist;
  }
  PageToCues builder(file, defaults, context, playlist);
  for (std::size_t i = 0; i < groups->size(); ++i)
    builder.group((*groups)[i], "/media_groups/" + std::to_string(i));
  return playlist;
}

Playlist readSvsPageFile(const std::string& path, const CueDefaults& defaults,
                         LoadContext& context) {
  return parseSvsPage(readJsonFile(path), path, defaults, context);
}

}  // namespace hw
