#include "hwshow/HwshowValues.h"

#include <cstdio>
#include <utility>

#include "config/InputError.h"

namespace hw {
namespace {

constexpr int kMaxSeconds = 86400;            // s; a cue longer than a day is a typo
constexpr double kMaxTransitionSeconds = 60;  // longer fades are cues of their own
constexpr int kMaxRegionCells = 10000;        // the wall check below gives the real limit

const std::vector<std::pair<std::string, FitMode>>& fitNames() {
  static const std::vector<std::pair<std::string, FitMode>> names = {{"fit", FitMode::Fit},
                                                                     {"fill", FitMode::Fill},
                                                                     {"stretch", FitMode::Stretch},
                                                                     {"native", FitMode::Native}};
  return names;
}

const std::vector<std::pair<std::string, Anchor>>& anchorNames() {
  static const std::vector<std::pair<std::string, Anchor>> names = {
      {"center", {0.5, 0.5}}, {"top", {0.5, 0}},       {"bottom", {0.5, 1}},
      {"left", {0, 0.5}},     {"right", {1, 0.5}},     {"top-left", {0, 0}},
      {"top-right", {1, 0}},  {"bottom-left", {0, 1}}, {"bottom-right", {1, 1}}};
  return names;
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void checkSpan(JsonObjectReader& region, const WallConfig& wall, const char* startKey, int start,
               const char* countKey, int count, int limit, const char* unitName) {
  std::string wallName = std::to_string(wall.cols) + "x" + std::to_string(wall.rows) + " wall \"" +
                         wall.name + "\" (" + unitName + " 0-" + std::to_string(limit - 1) + ")";
  if (start >= limit)
    region.failHere(std::string("region ") + startKey + " " + std::to_string(start) +
                    " is outside the " + wallName);
  if (count > 0 && start + count > limit)
    region.failHere(std::string("region ") + startKey + " " + std::to_string(start) + " + " +
                    countKey + " " + std::to_string(count) + " does not fit the " + wallName);
}

}  // namespace

FitMode readFit(JsonObjectReader& object, const std::string& key, FitMode fallback) {
  if (!object.has(key)) return fallback;
  std::string name = object.string(key);
  if (std::optional<FitMode> fit = fitFromName(name)) return *fit;
  object.fail(key, "must be fit, fill, stretch or native (got \"" + name + "\")");
}

std::optional<FitMode> fitFromName(const std::string& name) {
  for (const auto& [spelling, fit] : fitNames())
    if (name == spelling) return fit;
  return std::nullopt;
}

Anchor readAnchor(JsonObjectReader& object, const std::string& key, Anchor fallback) {
  const nlohmann::json* value = object.find(key);
  if (!value) return fallback;
  if (value->is_string()) {
    for (const auto& [name, anchor] : anchorNames())
      if (*value == name) return anchor;
    object.fail(key,
                "must be center, top, bottom, left, right, top-left, top-right, "
                "bottom-left, bottom-right or {\"x\": 0..1, \"y\": 0..1} (got " +
                    value->dump() + ")");
  }
  JsonObjectReader xy = object.object(key);
  Anchor anchor{xy.number("x", 0.5, 0.0, 1.0), xy.number("y", 0.5, 0.0, 1.0)};
  xy.rejectUnknownKeys();
  return anchor;
}

Color readColor(JsonObjectReader& object, const std::string& key, Color fallback) {
  if (!object.has(key)) return fallback;
  std::string text = object.string(key);
  int digits[6];
  bool ok = text.size() == 7 && text[0] == '#';
  for (int i = 0; ok && i < 6; ++i) ok = (digits[i] = hexDigit(text[i + 1])) >= 0;
  if (!ok) object.fail(key, "must be a colour \"#rrggbb\" (got \"" + text + "\")");
  auto channel = [&](int i) { return static_cast<std::uint8_t>(digits[i] * 16 + digits[i + 1]); };
  return {channel(0), channel(2), channel(4)};
}

Transition readTransition(JsonObjectReader& object, const std::string& key, Transition fallback) {
  std::optional<JsonObjectReader> reader = object.optionalObject(key);
  if (!reader) return fallback;
  Transition transition = fallback;
  if (reader->has("type")) {
    std::string type = reader->string("type");
    if (type == "cut")
      transition.type = TransitionType::Cut;
    else if (type == "crossfade")
      transition.type = TransitionType::Crossfade;
    else
      reader->fail("type", "must be cut or crossfade (got \"" + type + "\")");
  }
  transition.seconds = reader->number("seconds", fallback.seconds, 0.0, kMaxTransitionSeconds);
  reader->rejectUnknownKeys();
  return transition;
}

double readSeconds(JsonObjectReader& object, const std::string& key, double fallback) {
  const nlohmann::json* value = object.find(key);
  if (!value) return fallback;
  if (!value->is_number())
    object.fail(key, "expected a number of seconds, got " + describeJsonType(*value));
  double seconds = value->get<double>();
  if (!(seconds > 0) || seconds > kMaxSeconds)
    object.fail(key, "must be more than 0 and at most " + std::to_string(kMaxSeconds) +
                         " seconds (got " + value->dump() + ")");
  return seconds;
}

std::vector<std::string> readStrings(JsonObjectReader& object, const std::string& key) {
  const nlohmann::json* value = object.find(key);
  if (!value) return {};
  if (value->is_string()) return {value->get<std::string>()};
  if (!value->is_array())
    object.fail(key, "expected a string or an array of strings, got " + describeJsonType(*value));
  std::vector<std::string> strings;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const nlohmann::json& item = (*value)[i];
    if (!item.is_string())
      throw InputError(object.file(), object.pointerTo(key) + "/" + std::to_string(i),
                       "expected a string, got " + describeJsonType(item));
    strings.push_back(item.get<std::string>());
  }
  return strings;
}

Region readRegion(JsonObjectReader& object, const std::string& key, const WallConfig& wall) {
  JsonObjectReader reader = object.object(key);
  Region region;
  region.col = reader.integer("col", 0, kMaxRegionCells);
  region.row = reader.integer("row", 0, kMaxRegionCells);
  region.cols = reader.integer("cols", 0, 1, kMaxRegionCells);  // 0: to the far edge
  region.rows = reader.integer("rows", 0, 1, kMaxRegionCells);
  reader.rejectUnknownKeys();
  checkSpan(reader, wall, "col", region.col, "cols", region.cols, wall.cols, "columns");
  checkSpan(reader, wall, "row", region.row, "rows", region.rows, wall.rows, "rows");
  return region;
}

std::string fitName(FitMode fit) {
  for (const auto& [name, mode] : fitNames())
    if (mode == fit) return name;
  return "fit";
}

std::string colorText(Color color) {
  char text[8];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", color.r, color.g, color.b);
  return text;
}

std::string anchorName(Anchor anchor) {
  for (const auto& [name, named] : anchorNames())
    if (named.x == anchor.x && named.y == anchor.y) return name;
  return "";
}

std::string transitionTypeName(TransitionType type) {
  return type == TransitionType::Cut ? "cut" : "crossfade";
}

}  // namespace hw
