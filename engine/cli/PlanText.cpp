#include <cstdio>
#include <sstream>

#include "engine/cli/PlanReport.h"

namespace hw {
namespace {

using nlohmann::json;

std::string num(const json& v) {
  double d = v.get<double>();
  char buf[32];
  std::snprintf(buf, sizeof buf, d == static_cast<long long>(d) ? "%.0f" : "%.3f", d);
  std::string s = buf;
  if (s.find('.') != std::string::npos) s.erase(s.find_last_not_of('0') + 1);
  return s;
}

std::string rect(const json& r) {
  return num(r["x"]) + "," + num(r["y"]) + " " + num(r["w"]) + "x" + num(r["h"]);
}

std::string size(const json& v) { return num(v["width"]) + "x" + num(v["height"]); }

const char* availabilityNote(const std::string& availability, const std::string& kind) {
  if (availability == "cached") return "downloaded";
  if (availability == "stand-in")
    return kind == "movie" ? "not downloaded: a stand-in movie plays"
                           : "not downloaded: a stand-in card is shown";
  if (availability == "missing") return "MISSING";
  return "local file";
}

void printItem(std::ostringstream& out, const json& item) {
  const json& media = item["media"];
  out << "  " << media["kind"].get<std::string>() << "  " << media["uri"].get<std::string>() << "\n";
  out << "         " << (media["width"].get<int>() > 0 ? size(media) : std::string("size unknown"))
      << ", " << availabilityNote(media["availability"], media["kind"]) << "\n";
  if (media.contains("movie"))
    out << "         " << media["movie"]["fps"].get<std::string>() << " fps, "
        << media["movie"]["frames"] << " frames (" << num(media["movie"]["seconds"]) << " s)\n";
  if (!media["choice"].get<std::string>().empty())
    out << "         chosen: " << media["choice"].get<std::string>() << "\n";
  const json& region = item["region"];
  out << "  layout " << item["fit"].get<std::string>() << " into displays col " << region["col"]
      << "-" << region["col"].get<int>() + region["cols"].get<int>() - 1 << ", row "
      << region["row"] << "-" << region["row"].get<int>() + region["rows"].get<int>() - 1
      << " (canvas " << rect(item["target"]) << ")";
  if (item.contains("placed")) out << ", media placed at " << rect(item["placed"]);
  out << "\n";
  if (item["displays"].empty()) return;
  out << "    display    media px shown                  -> display px\n";
  for (const json& d : item["displays"]) {
    std::string node = d["node"].get<std::string>();
    node.resize(std::max<std::size_t>(node.size(), 10), ' ');
    std::string source = rect(d["source"]);
    source.resize(std::max<std::size_t>(source.size(), 31), ' ');
    out << "    " << node << " " << source << " -> " << rect(d["dest"]);
    if (d["rotation"].get<int>() != 0) out << " (panel rotated " << d["rotation"] << ")";
    out << "\n";
  }
}

}  // namespace

std::string planText(const json& report) {
  std::ostringstream out;
  const json& show = report["show"];
  const json& wall = report["wall"];
  const json& cues = report["cues"];
  double total = 0;
  for (const json& cue : cues)
    if (cue["playable"].get<bool>()) total += cue["duration_s"].get<double>();

  out << (show["title"].get<std::string>().empty() ? "(untitled show)" : show["title"].get<std::string>())
      << "\n";
  out << "  source  " << show["source"].get<std::string>();
  if (!show["svs_page"].get<std::string>().empty())
    out << " (SVS page " << show["svs_page"].get<std::string>() << ")";
  out << "\n  wall    " << wall["name"].get<std::string>() << ": " << wall["cols"] << "x"
      << wall["rows"] << " displays of " << size(wall["display"]) << ", bezel gap "
      << wall["gap"]["x"] << "x" << wall["gap"]["y"] << " px, canvas " << size(wall["canvas"])
      << "\n";
  out << "  " << cues.size() << " cues, " << num(json(total)) << " s per pass, "
      << (show["loop"].get<bool>() ? "loops" : "holds the last cue") << "\n";

  for (const json& cue : cues) {
    out << "\ncue " << cue["index"] << "/" << cues.size();
    if (!cue["title"].get<std::string>().empty()) out << "  \"" << cue["title"].get<std::string>() << "\"";
    out << "\n  " << num(cue["duration_s"]) << " s, " << cue["transition"]["type"].get<std::string>();
    if (cue["transition"]["type"] == "crossfade") out << " " << num(cue["transition"]["seconds"]) << " s";
    out << ", background " << cue["background"].get<std::string>() << "\n";
    if (!cue["playable"].get<bool>())
      out << "  NOT PLAYED: " << cue["skip_reason"].get<std::string>() << "\n";
    for (const json& item : cue["items"]) printItem(out, item);
    if (cue.contains("hwshow")) out << "  hwshow " << cue["hwshow"].get<std::string>() << "\n";
    for (const json& note : cue["notes"]) {
      std::string text = note.get<std::string>();
      std::string firstLine = text.substr(0, text.find('\n'));
      if (firstLine.size() > 100) firstLine = firstLine.substr(0, 97) + "...";
      out << "  note   " << firstLine << "\n";
    }
  }
  for (const json& warning : report["warnings"]) out << "\nwarning: " << warning.get<std::string>();
  if (!report["warnings"].empty()) out << "\n";
  return out.str();
}

}  // namespace hw
