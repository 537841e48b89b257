#include "hwshow/HwshowParser.h"

#include "config/JsonFile.h"
#include "config/JsonObjectReader.h"
#include "hwshow/HwshowCues.h"
#include "hwshow/HwshowValues.h"

namespace hw {
namespace {

constexpr int kFormatVersion = 1;

// First, so that a newer file is refused for its version, not for its new keys.
void checkVersion(JsonObjectReader& show) {
  const nlohmann::json* version = show.find("hwshow");
  std::string expected = std::to_string(kFormatVersion);
  if (!version)
    show.fail("hwshow", "required field is missing (a .hwshow file starts with \"hwshow\": " +
                            expected + ")");
  if (!version->is_number_integer())
    show.fail("hwshow",
              "expected the format version " + expected + ", got " + describeJsonType(*version));
  if (*version != kFormatVersion)
    show.fail("hwshow", "unsupported version " + version->dump() +
                            " (this hyperwall reads version " + expected + ")");
}

ShowMetadata readMetadata(JsonObjectReader& show) {
  ShowMetadata metadata;
  metadata.title = show.string("title", "");
  metadata.description = show.string("description", "");
  metadata.credits = readStrings(show, "credits");
  metadata.keywords = readStrings(show, "keywords");
  metadata.releaseDate = show.string("release_date", "");
  metadata.svsPageUrl = show.string("svs_page", "");
  return metadata;
}

void readDefaults(JsonObjectReader& show, Playlist& playlist) {
  std::optional<JsonObjectReader> defaults = show.optionalObject("defaults");
  if (!defaults) return;
  CueDefaults& d = playlist.defaults;
  d.durationSeconds = readSeconds(*defaults, "duration", d.durationSeconds);
  d.fit = readFit(*defaults, "fit", d.fit);
  d.background = readColor(*defaults, "background", d.background);
  d.transition = readTransition(*defaults, "transition", d.transition);
  playlist.loop = defaults->boolean("loop", playlist.loop);
  defaults->rejectUnknownKeys();
}

}  // namespace

Playlist parseHwshow(const nlohmann::json& document, const ShowOrigin& origin,
                     LoadContext& context) {
  JsonObjectReader show(document, origin.file, "");
  checkVersion(show);
  Playlist playlist;
  playlist.metadata = readMetadata(show);
  playlist.metadata.source = origin.file;
  readDefaults(show, playlist);
  const nlohmann::json& cues = show.array("cues");
  show.rejectUnknownKeys();
  if (!show.has("cues")) show.fail("cues", "required field is missing");
  if (cues.empty()) show.fail("cues", "must list at least one cue");
  for (std::size_t i = 0; i < cues.size(); ++i)
    readCueEntry(cues[i], "/cues/" + std::to_string(i), origin, playlist.defaults, context,
                 playlist);
  return playlist;
}

Playlist readHwshow(const ShowOrigin& origin, LoadContext& context) {
  return parseHwshow(readJsonFile(origin.file), origin, context);
}

}  // namespace hw
