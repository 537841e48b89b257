#include "engine/cli/StatusTable.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/cli/ScheduleText.h"

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

// "movie    0:12 / 1:30, frame 361/2700, pass 1/2, 29.97 fps": where the cue's
// movie is by the master's clock, frame and pass counted from 1.
std::string movieLine(const CueMovie& m) {
  double intoPass = m.fps > 0 ? static_cast<double>(m.frame) / m.fps : 0;
  return "movie    " + minutesSeconds(intoPass) + " / " + minutesSeconds(m.passSeconds) +
         ", frame " + std::to_string(m.frame + 1) + "/" + std::to_string(m.frames) + ", pass " +
         std::to_string(m.pass + 1) + "/" + std::to_string(m.passes) + ", " + fixed("%.2f", m.fps) +
         " fps\n";
}

// Each talking node's playback of the movie on its display, under the node table.
std::string nodeMovieRows(const std::vector<NodeHealth>& nodes) {
  std::string out;
  char row[160];
  for (const NodeHealth& n : nodes) {
    if (!n.connected || !n.movie) continue;
    if (out.empty()) {
      std::snprintf(row, sizeof row, "\n%-12s %9s %8s %8s %7s %11s\n", "movie on", "frame",
                    "dropped", "late", "queued", "decode fps");
      out += row;
    }
    const MovieFigures& m = *n.movie;
    std::string frame = m.frame >= 0 ? std::to_string(m.frame + 1) : "-";
    std::snprintf(row, sizeof row, "%-12s %9s %8lld %8lld %7d %11.1f\n", n.id.c_str(),
                  frame.c_str(), static_cast<long long>(m.dropped), static_cast<long long>(m.late),
                  m.queued, m.decodeFps);
    out += row;
  }
  return out;
}

// Each node playing the wall's sound, under the node table: whether a
// soundtrack is heard, how far from the clock, the device's rate against it.
std::string nodeSoundRows(const std::vector<NodeHealth>& nodes) {
  std::string out;
  char row[160];
  for (const NodeHealth& n : nodes) {
    if (!n.connected || !n.sound) continue;
    if (out.empty()) {
      std::snprintf(row, sizeof row, "\n%-12s %-8s %9s %12s %6s\n", "sound on", "", "off ms",
                    "device rate", "jumps");
      out += row;
    }
    const SoundFigures& f = *n.sound;
    std::snprintf(row, sizeof row, "%-12s %-8s %9.1f %11.2f%% %6lld\n", n.id.c_str(),
                  f.playing ? "playing" : "silent", f.error * 1e3, (f.deviceRate - 1) * 100,
                  static_cast<long long>(f.jumps));
    out += row;
  }
  return out;
}

// How long a process has run, as an operator reads it: 45s, 12m, 3h05m, 2d04h.
std::string uptimeText(double seconds) {
  long total = static_cast<long>(seconds);
  char text[32];
  if (total < 60)
    std::snprintf(text, sizeof text, "%lds", total);
  else if (total < 3600)
    std::snprintf(text, sizeof text, "%ldm", total / 60);
  else if (total < 86400)
    std::snprintf(text, sizeof text, "%ldh%02ldm", total / 3600, total / 60 % 60);
  else
    std::snprintf(text, sizeof text, "%ldd%02ldh", total / 86400, total / 3600 % 24);
  return text;
}

// Which PC drives each connected node and what it runs, under the node
// table: what a technician needs to find the machine behind a panel.
std::string nodeMachineRows(const std::vector<NodeHealth>& nodes) {
  std::string out;
  char row[256];
  for (const NodeHealth& n : nodes) {
    if (!n.connected) continue;
    if (out.empty()) {
      std::snprintf(row, sizeof row, "\n%-12s %-24s %-20s %-10s %7s\n", "machine", "host",
                    "address", "version", "up");
      out += row;
    }
    std::snprintf(row, sizeof row, "%-12s %-24s %-20s %-10s %7s%s\n", n.id.c_str(), n.host.c_str(),
                  n.address.c_str(), n.version.c_str(), uptimeText(n.uptimeSeconds).c_str(),
                  n.identifying ? "  identifying" : "");
    out += row;
  }
  return out;
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

// "movies   cue 3 (earth_5760x3240.mp4): per-display movies 40 % made, skipped until then"
std::string preparingLine(const MoviePreparation& p) {
  std::string line = "movies   cue " + std::to_string(p.cue + 1) + " (" + p.movie + "): ";
  if (!p.error.empty()) return line + "per-display movies failed, cue skipped: " + p.error + "\n";
  std::string made =
      p.framesTotal > 0 ? std::to_string(std::min(100LL, p.framesDone * 100 / p.framesTotal)) + " %"
                        : std::to_string(p.framesDone) + " frames";
  return line + "per-display movies " + made + " made, cue skipped until then\n";
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
  if (s.movie) out += movieLine(*s.movie);
  if (s.scheduled) out += "next     " + scheduledLine(s) + "\n";
  for (const MoviePreparation& p : s.preparing) out += preparingLine(p);
  if (s.schedule) out += "hours    " + formatScheduleLine(*s.schedule) + "\n";
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
  out += nodeMachineRows(s.nodes);
  out += nodeMovieRows(s.nodes);
  out += nodeSoundRows(s.nodes);
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
