#include "engine/net/PlaylistJson.h"

#include <limits>

#include "config/JsonObjectReader.h"

namespace hw {
namespace {

constexpr int kMaxInt = std::numeric_limits<int>::max();
constexpr double kMaxSeconds = 1e9;  // s

const char* fitName(FitMode fit) {
  switch (fit) {
    case FitMode::Fit: return "fit";
    case FitMode::Fill: return "fill";
    case FitMode::Stretch: return "stretch";
    case FitMode::Native: return "native";
  }
  return "fit";
}

FitMode parseFit(JsonObjectReader& reader) {
  std::string name = reader.string("fit");
  for (FitMode fit : {FitMode::Fit, FitMode::Fill, FitMode::Stretch, FitMode::Native})
    if (name == fitName(fit)) return fit;
  reader.fail("fit", "unknown fit \"" + name + "\"");
}

nlohmann::json colorToJson(Color c) { return nlohmann::json::array({c.r, c.g, c.b}); }

Color parseColor(JsonObjectReader& reader, const std::string& key) {
  const nlohmann::json& rgb = reader.array(key);
  if (rgb.size() != 3) reader.fail(key, "must be [r, g, b]");
  Color color;
  std::uint8_t* channels[] = {&color.r, &color.g, &color.b};
  for (std::size_t i = 0; i < 3; ++i) {
    if (!rgb[i].is_number_unsigned() || rgb[i].get<unsigned>() > 255)
      reader.fail(key, "channels must be integers 0..255");
    *channels[i] = static_cast<std::uint8_t>(rgb[i].get<unsigned>());
  }
  return color;
}

nlohmann::json itemToJson(const LayoutItem& item) {
  return {{"media",
           {{"kind", item.media.kind == MediaKind::Movie ? "movie" : "image"},
            {"uri", item.media.uri},
            {"width", item.media.width},
            {"height", item.media.height}}},
          {"region",
           {{"col", item.region.col},
            {"row", item.region.row},
            {"cols", item.region.cols},
            {"rows", item.region.rows}}},
          {"fit", fitName(item.fit)},
          {"anchor", {{"x", item.anchor.x}, {"y", item.anchor.y}}}};
}

LayoutItem parseItem(const nlohmann::json& value, const std::string& origin,
                     const std::string& pointer) {
  JsonObjectReader reader(value, origin, pointer);
  LayoutItem item;
  JsonObjectReader media = reader.object("media");
  std::string kind = media.string("kind");
  if (kind != "image" && kind != "movie") media.fail("kind", "must be \"image\" or \"movie\"");
  item.media.kind = kind == "movie" ? MediaKind::Movie : MediaKind::Image;
  item.media.uri = media.string("uri");
  item.media.width = media.integer("width", 0, kMaxInt);
  item.media.height = media.integer("height", 0, kMaxInt);
  media.rejectUnknownKeys();
  JsonObjectReader region = reader.object("region");
  item.region = {region.integer("col", 0, kMaxInt), region.integer("row", 0, kMaxInt),
                 region.integer("cols", 0, kMaxInt), region.integer("rows", 0, kMaxInt)};
  region.rejectUnknownKeys();
  item.fit = parseFit(reader);
  JsonObjectReader anchor = reader.object("anchor");
  item.anchor = {anchor.number("x", 0.0, 1.0), anchor.number("y", 0.0, 1.0)};
  anchor.rejectUnknownKeys();
  reader.rejectUnknownKeys();
  return item;
}

}  // namespace

nlohmann::json playlistToJson(const Playlist& playlist) {
  nlohmann::json cues = nlohmann::json::array();
  for (const auto& cue : playlist.cues) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : cue.items) items.push_back(itemToJson(item));
    cues.push_back({{"title", cue.title},
                    {"items", items},
                    {"duration", cue.durationSeconds},
                    {"transition",
                     {{"type", cue.transition.type == TransitionType::Cut ? "cut" : "crossfade"},
                      {"seconds", cue.transition.seconds}}},
                    {"background", colorToJson(cue.background)},
                    {"playable", cue.playable}});
  }
  return {{"title", playlist.metadata.title}, {"loop", playlist.loop}, {"cues", cues}};
}

Playlist playlistFromJson(const nlohmann::json& value, const std::string& origin) {
  JsonObjectReader reader(value, origin, "/show");
  Playlist playlist;
  playlist.metadata.title = reader.string("title", "");
  playlist.loop = reader.boolean("loop", true);
  const nlohmann::json& cues = reader.array("cues");
  for (std::size_t i = 0; i < cues.size(); ++i) {
    std::string pointer = reader.pointerTo("cues") + "/" + std::to_string(i);
    JsonObjectReader entry(cues[i], origin, pointer);
    Cue cue;
    cue.title = entry.string("title", "");
    const nlohmann::json& items = entry.array("items");
    for (std::size_t j = 0; j < items.size(); ++j)
      cue.items.push_back(parseItem(items[j], origin, pointer + "/items/" + std::to_string(j)));
    cue.durationSeconds = entry.number("duration", 0.0, kMaxSeconds);
    JsonObjectReader transition = entry.object("transition");
    std::string type = transition.string("type");
    if (type != "cut" && type != "crossfade")
      transition.fail("type", "must be \"cut\" or \"crossfade\"");
    cue.transition.type = type == "cut" ? TransitionType::Cut : TransitionType::Crossfade;
    cue.transition.seconds = transition.number("seconds", 0.0, kMaxSeconds);
    transition.rejectUnknownKeys();
    cue.background = parseColor(entry, "background");
    cue.playable = entry.boolean("playable", true);
    entry.rejectUnknownKeys();
    playlist.cues.push_back(std::move(cue));
  }
  reader.rejectUnknownKeys();
  return playlist;
}

}  // namespace hw
