#include "config/WallConfigLoader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "config/InputError.h"
#include "config/JsonFile.h"
#include "config/JsonObjectReader.h"
#include "config/NodeId.h"

namespace hw {
namespace {

constexpr int kMaxGrid = 64;        // cells per side; walls of ~128 panels fit easily
constexpr int kMaxPixels = 16384;   // per display side
constexpr double kMaxMm = 10000.0;  // a 10 m panel is certainly a typo

std::string defaultNodeId(int col, int row) {
  return "r" + std::to_string(row) + "c" + std::to_string(col);
}

Rotation parseRotation(JsonObjectReader& node) {
  int degrees = node.integer("rotation", 0, 0, 270);
  switch (degrees) {
    case 0:
      return Rotation::R0;
    case 90:
      return Rotation::R90;
    case 180:
      return Rotation::R180;
    case 270:
      return Rotation::R270;
    default:
      node.fail("rotation", "must be 0, 90, 180 or 270 (got " + std::to_string(degrees) + ")");
  }
}

void readNodes(JsonObjectReader& wall, WallConfig& config) {
  config.nodes.clear();
  for (int row = 0; row < config.rows; ++row)
    for (int col = 0; col < config.cols; ++col)
      config.nodes.push_back(
          NodeConfig{defaultNodeId(col, row), "", 0, col, row, Rotation::R0, true});

  const nlohmann::json& list = wall.array("nodes");
  std::map<std::string, std::string> idSeenAt;  // id -> pointer
  std::map<std::pair<int, int>, std::string> cellSeenAt;
  for (std::size_t i = 0; i < list.size(); ++i) {
    JsonObjectReader entry(list[i], wall.file(), wall.pointerTo("nodes") + "/" + std::to_string(i));
    int col = entry.integer("col", 0, config.cols - 1);
    int row = entry.integer("row", 0, config.rows - 1);
    NodeConfig& node = config.nodes[static_cast<std::size_t>(row * config.cols + col)];
    node.id = entry.string("id", defaultNodeId(col, row));
    if (std::string problem = nodeIdProblem(node.id); !problem.empty()) entry.fail("id", problem);
    node.host = entry.string("host", "");
    node.display = entry.integer("display", 0, 0, 63);
    node.rotation = parseRotation(entry);
    node.active = entry.boolean("active", true);
    node.audio = entry.boolean("audio", false);
    entry.rejectUnknownKeys();

    if (auto seen = cellSeenAt.find({col, row}); seen != cellSeenAt.end())
      entry.failHere("duplicate position column " + std::to_string(col) + ", row " +
                     std::to_string(row) + " (already used by " + seen->second + ")");
    cellSeenAt[{col, row}] = entry.pointer();
  }
  // Ids are checked over the whole grid: a listed id may clash with a default one.
  for (const auto& node : config.nodes) {
    std::string where =
        "node at column " + std::to_string(node.col) + ", row " + std::to_string(node.row);
    auto [it, inserted] = idSeenAt.emplace(node.id, where);
    if (!inserted)
      throw InputError(
          wall.file(), wall.pointerTo("nodes"),
          "duplicate node id \"" + node.id + "\" (" + it->second + " and " + where + ")");
  }
}

}  // namespace

WallConfig parseWallConfig(const nlohmann::json& document, const std::string& file) {
  JsonObjectReader wall(document, file, "");
  WallConfig config;
  config.name = wall.string("name", file);

  JsonObjectReader grid = wall.object("grid");
  config.cols = grid.integer("cols", 1, kMaxGrid);
  config.rows = grid.integer("rows", 1, kMaxGrid);
  grid.rejectUnknownKeys();

  JsonObjectReader display = wall.object("display");
  config.displayWidth = display.integer("width", 1, kMaxPixels);
  config.displayHeight = display.integer("height", 1, kMaxPixels);
  display.rejectUnknownKeys();

  JsonObjectReader panel = wall.object("panel_mm");
  config.panelWidthMm = panel.number("width", 1e-3, kMaxMm);
  config.panelHeightMm = panel.number("height", 1e-3, kMaxMm);
  panel.rejectUnknownKeys();

  if (auto bezel = wall.optionalObject("bezel_mm")) {
    config.bezelMm.left = bezel->number("left", 0.0, 0.0, kMaxMm);
    config.bezelMm.right = bezel->number("right", 0.0, 0.0, kMaxMm);
    config.bezelMm.top = bezel->number("top", 0.0, 0.0, kMaxMm);
    config.bezelMm.bottom = bezel->number("bottom", 0.0, 0.0, kMaxMm);
    bezel->rejectUnknownKeys();
    if (config.bezelMm.left + config.bezelMm.right >= config.panelWidthMm)
      bezel->failHere("left + right bezel is wider than the panel (" +
                      formatJsonNumber(config.panelWidthMm) + " mm)");
    if (config.bezelMm.top + config.bezelMm.bottom >= config.panelHeightMm)
      bezel->failHere("top + bottom bezel is taller than the panel (" +
                      formatJsonNumber(config.panelHeightMm) + " mm)");
  }
  config.bezelCompensation = wall.boolean("bezel_compensation", true);
  config.key = wall.string("key", "");
  config.master = wall.string("master", "");
  if (wall.has("master") &&
      (config.master.empty() || std::any_of(config.master.begin(), config.master.end(),
                                            [](unsigned char c) { return c <= ' ' || c == 0x7f; })))
    wall.fail("master", "must be HOST, HOST:PORT or http://HOST:PORT, without spaces");
  config.nodeDecodeMpxPerSecond =
      wall.number("node_decode_mpx_per_s", config.nodeDecodeMpxPerSecond, 1.0, 1e6);

  readNodes(wall, config);
  wall.rejectUnknownKeys();
  return config;
}

WallConfig loadWallConfig(const std::string& presetOrPath) {
  std::string presetText = wallPresetText(presetOrPath);
  if (!presetText.empty()) {
    WallConfig config = parseWallConfig(parseJsonText(presetText, presetOrPath), presetOrPath);
    config.name = presetOrPath;
    return config;
  }
  if (!std::filesystem::exists(presetOrPath)) {
    std::string names;
    for (const auto& name : wallPresetNames()) names += (names.empty() ? "" : ", ") + name;
    throw InputError(presetOrPath, "", "no such wall file or preset (presets: " + names + ")");
  }
  return parseWallConfig(readJsonFile(presetOrPath), presetOrPath);
}

nlohmann::json wallConfigToJson(const WallConfig& config) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const auto& node : config.nodes) {
    nodes.push_back({{"id", node.id},
                     {"host", node.host},
                     {"display", node.display},
                     {"col", node.col},
                     {"row", node.row},
                     {"rotation", static_cast<int>(node.rotation)},
                     {"active", node.active},
                     {"audio", node.audio}});
  }
  nlohmann::json document = {
      {"name", config.name},
      {"grid", {{"cols", config.cols}, {"rows", config.rows}}},
      {"display", {{"width", config.displayWidth}, {"height", config.displayHeight}}},
      {"panel_mm", {{"width", config.panelWidthMm}, {"height", config.panelHeightMm}}},
      {"bezel_mm",
       {{"left", config.bezelMm.left},
        {"right", config.bezelMm.right},
        {"top", config.bezelMm.top},
        {"bottom", config.bezelMm.bottom}}},
      {"bezel_compensation", config.bezelCompensation},
      {"node_decode_mpx_per_s", config.nodeDecodeMpxPerSecond},
      {"nodes", nodes}};
  if (!config.key.empty()) document["key"] = config.key;
  if (!config.master.empty()) document["master"] = config.master;
  return document;
}

}  // namespace hw
