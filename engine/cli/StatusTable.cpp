#include "engine/cli/StatusTable.h"

#include <cmath>
#include <cstdio>

namespace hw::cli {
namespace {

std::string minutesSeconds(double seconds) {
  long whole = std::lround(std::max(0.0, seconds));
  char text[32];
  std::snprintf(text, sizeof text, "%ld:%02ld", whole / 60, whole % 60);
  return text;
}

std::string onOff(bool on) { return on ? "on" : "off"; }

std::string fixed(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

// "cue 2/7 \"Title\": playing"
std::string cueAndState(int cueIndex, int cueCount, const std::string& title, PlaybackMode mode,
                        bool finished) {
  std::string line = "cue " + (cueIndex >= 0 ? std::to_string(cueIndex + 1) : "-") + "/" +
                     std::to_string(cueCount);
  if (!title.empty()) line += " \"" + title + "\"";
  return line + ": " + playStateName(mode, finished);
}

// "cue 2/7 \"Title\": paused at 14:02:11.4": the wall once the scheduled commands took effect;
// "cue 2/7 \"Title\": playing (1:23 in) at 14:02:11.4" when that is not the cue's start.
std::string scheduledLine(const WallStatus& s) {
  const ScheduledChange& next = *s.scheduled;
  std::string line =
      cueAndState(next.cueIndex, s.cueCount, next.cueTitle, next.mode, next.finished);
  if (next.cueIndex >= 0 && std::lround(next.elapsedSeconds) >= 1)
    line += " (" + minutesSeconds(next.elapsedSeconds) + " in)";
  return line + " at " + next.localTime;
}

}  // namespace

std::string formatStatusLine(const WallStatus& s) {
  // Commands on a master take effect a little later: say what will be, and
  // when, rather than the state they are about to end.
  if (s.scheduled) return "next: " + scheduledLine(s);
  std::string line = cueAndState(s.cueIndex, s.cueCount, s.cueTitle, s.mode, s.finished);
  if (s.cueIndex >= 0) line += ", " + minutesSeconds(s.timeLeftSeconds) + " left";
  if (s.testPattern) line += ", test pattern on";
  if (s.blank) line += ", blanked";
  return line;
}

std::string formatStatusTable(const WallStatus& s) {
  std::string out;
  out += "show     " + (s.showTitle.empty() ? std::string("(none)") : s.showTitle);
  if (!s.showSource.empty()) out += "  [" + s.showSource + "]";
  out += "\n";
  out += "cue      " + (s.cueIndex >= 0 ? std::to_string(s.cueIndex + 1) : "-") + "/" +
         std::to_string(s.cueCount) + (s.cueTitle.empty() ? "" : "  " + s.cueTitle) + "\n";
  out += "state    " + playStateName(s.mode, s.finished);
  if (s.cueIndex >= 0) {
    out += ", " + minutesSeconds(s.timeLeftSeconds) + " left of " + minutesSeconds(s.cueSeconds);
  }
  out += "\n";
  if (s.scheduled) out += "next     " + scheduledLine(s) + "\n";
  out += "wall     " + s.wall.name + ", " + std::to_string(s.wall.cols) + "x" +
         std::to_string(s.wall.rows) + " displays; test pattern " + onOff(s.testPattern) +
         ", blank " + onOff(s.blank) + "\n\n";

  char row[192];
  std::snprintf(row, sizeof row, "%-12s %-5s %-5s %7s %9s %8s %9s %8s %8s %6s\n", "node", "at",
                "link", "heard", "clock ms", "+- ms", "rate ppm", "rtt ms", "skew ms", "cache");
  out += row;
  for (const NodeHealth& n : s.nodes) {
    std::string at = std::to_string(n.col) + "," + std::to_string(n.row);
    const char* link = !n.active ? "dead" : !n.connected ? "down" : n.stale ? "stale" : "up";
    // A node that is not talking has no live figures: dashes, not stale
    // numbers; a stale one keeps its last figures, with how old they are.
    auto figure = [&](const char* format, double value) {
      return n.connected ? fixed(format, value) : std::string("-");
    };
    std::string heard = !n.connected ? "-" : n.stale ? fixed("%.0fs ago", n.silentSeconds) : "now";
    std::snprintf(row, sizeof row, "%-12s %-5s %-5s %7s %9s %8s %9s %8s %8s %5d%%\n", n.id.c_str(),
                  at.c_str(), link, heard.c_str(), figure("%.2f", n.clockOffsetMs).c_str(),
                  figure("%.3f", n.clockErrorMs).c_str(), figure("%.1f", n.clockRatePpm).c_str(),
                  figure("%.2f", n.roundTripMs).c_str(), figure("%.2f", n.lastCueSkewMs).c_str(),
                  cachePercent(n.cacheProgress));
    out += row;
  }
  for (const NodeHealth& n : s.nodes)
    if (!n.cacheProblem.empty()) out += "node " + n.id + " " + n.cacheProblem + "\n";
  for (const NodeHealth& n : s.nodes) {
    if (n.mediaError.empty()) continue;
    out += "ERROR    " + n.id + " shows cue " + std::to_string(n.mediaErrorCue + 1) +
           "'s background instead of its media: " + n.mediaError + "\n";
  }
  if (!s.recentSkews.empty()) {
    out += "\nrecent cue changes (spread between nodes):";
    for (const CueSkew& k : s.recentSkews) {
      out += " cue " + std::to_string(k.cue + 1) + " " + fixed("%.2f", k.spreadMs) + " ms;";
    }
    out.back() = '\n';
  }
  return out;
}

}  // namespace hw::cli
