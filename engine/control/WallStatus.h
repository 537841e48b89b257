#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "config/WallConfig.h"
#include "engine/control/ScheduleReport.h"
#include "engine/render/MovieFigures.h"
#include "engine/render/PlaybackState.h"
#include "engine/render/SoundFigures.h"

namespace hw {

// "stopped", "playing", "paused", or "finished" (a show that does not loop, holding its last cue).
std::string playStateName(PlaybackMode mode, bool finished);

// One display's render node as the master sees it.
struct NodeHealth {
  std::string id;            // node id from the wall config
  int col = 0;               // grid column, 0 = leftmost
  int row = 0;               // grid row, 0 = top
  bool active = true;        // false: marked dead/absent in the wall config
  bool connected = false;    // true: the node's connection to the master is open
  std::string host;          // host name of its PC, as the node says ("" until it reports)
  std::string address;       // IP address it connects from, as the master sees it
  std::string version;       // hyperwall version it runs
  double uptimeSeconds = 0;  // s since its process started, at its last report
  bool identifying = false;  // its identify card is up
  bool stale = false;        // true: connected but silent; the figures below are old
  double silentSeconds = 0;  // s since the master last heard from it (how old the figures are)
  double clockOffsetMs = 0;  // ms, the node host's clock minus the wall's master time
  double clockErrorMs = 0;   // ms, one standard error of the node's estimate of master time
  double clockRatePpm = 0;   // ppm, node clock rate error against the master
  double roundTripMs = 0;    // ms, last measured master<->node round trip
  double cacheProgress = 0;  // 0..1, share of the files it needs that it holds, verified
  std::string cacheProblem;  // "" or the file it cannot fetch and why
  double lastCueSkewMs = 0;  // ms, this node's last cue change minus its scheduled time
  std::string mediaError;    // why it shows a cue's background, not its media ("" = it does not)
  int mediaErrorCue = -1;    // 0-based cue that failed, -1 = none
  std::optional<MovieFigures> movie;  // the movie of the cue on its display, when it has one
  std::optional<SoundFigures> sound;  // the wall's sound, when this node plays it

  // The health row of `node` with what the wall config says; live figures left at zero.
  static NodeHealth of(const NodeConfig& node) {
    NodeHealth health;
    health.id = node.id;
    health.col = node.col;
    health.row = node.row;
    health.active = node.active;
    return health;
  }
};

// `cacheProgress` as a whole percent for operators, rounded down: 100 only
// when every file is there, never for 99.7 %.
int cachePercent(double cacheProgress);

// How well the wall changed to one cue: the spread of the nodes' presentation times.
struct CueSkew {
  int cue = 0;           // 0-based cue index
  double atSeconds = 0;  // s, master uptime when the cue went up
  double spreadMs = 0;   // ms, latest minus earliest node presentation
};

// The wall's geometry, so a remote can draw it without the wall config.
struct WallShape {
  std::string name;       // preset or file name
  int cols = 1;           // displays across
  int rows = 1;           // displays down
  int displayWidth = 0;   // pixels across one display
  int displayHeight = 0;  // pixels down one display
  int gapX = 0;           // canvas pixels hidden behind the bezels between columns
  int gapY = 0;           // canvas pixels hidden behind the bezels between rows
};

// Where the cue on the wall is in its (first) movie, by the master's clock
// (MovieClock): what every node shows now.
struct CueMovie {
  double fps = 0;           // frames per second of the movie
  std::int64_t frames = 0;  // frames in one pass
  double passSeconds = 0;   // s of one pass
  std::int64_t frame = 0;   // 0-based frame on the wall now
  std::int64_t pass = 0;    // 0-based pass through the movie now
  std::int64_t passes = 1;  // passes the cue lasts (its loops, or its duration over a pass)
};

// What the wall has been told to do and has not done yet: a master schedules
// every command a little ahead so that all nodes change together.
struct ScheduledChange {
  int cueIndex = -1;     // 0-based cue on the wall once it takes effect, -1 = none
  std::string cueTitle;  // title of cueIndex, "" when none
  PlaybackMode mode = PlaybackMode::Stopped;
  bool finished = false;      // as WallStatus::finished, once it takes effect
  double elapsedSeconds = 0;  // s into cueIndex once it takes effect (a seek's position)
  double inSeconds = 0;       // s from this status until it takes effect
  std::string localTime;      // "14:02:11.4": when, in the master's local time of day
};

// Per-display movies the master is making for a cue (or failed to make):
// until they are ready the cue is skipped.
struct MoviePreparation {
  int cue = -1;               // 0-based cue they are for
  std::string movie;          // the source's file name
  long long framesDone = 0;   // frames cut so far
  long long framesTotal = 0;  // 0 when the source does not say
  std::string error;          // why they could not be made; "" while waiting or running
};

// Everything a remote shows; one snapshot, consistent in itself.
struct WallStatus {
  std::string showTitle;   // "" when no show is loaded
  std::string showSource;  // what was loaded: path, URL or page id
  int showGeneration = 0;  // bumps on every load; remotes refetch the playlist
  int cueIndex = -1;       // 0-based cue on the wall, -1 = none
  int cueCount = 0;        // cues in the show
  std::string cueTitle;    // title of cueIndex, "" when none
  PlaybackMode mode = PlaybackMode::Stopped;
  bool finished = false;             // true: a show that does not loop is holding its last cue
  double cueSeconds = 0;             // s, the current cue's full duration
  double elapsedSeconds = 0;         // s into the current cue (frozen while paused)
  double timeLeftSeconds = 0;        // s, until the next cue (frozen while paused)
  bool testPattern = false;          // true: the test pattern is over the show
  bool blank = false;                // true: the wall shows black
  WallShape wall;                    // geometry for drawing the wall
  std::vector<NodeHealth> nodes;     // one per display, row-major
  std::vector<CueSkew> recentSkews;  // newest last, the last few minutes
  std::optional<ScheduledChange> scheduled;  // the wall after the pending commands, if any
  std::optional<CueMovie> movie;  // the current cue's movie, when it has one with known facts
  std::vector<MoviePreparation> preparing;  // per-display movies not ready, in cue order
  std::optional<ScheduleReport> schedule;   // opening hours, when the wall has them
};

nlohmann::json toJson(const WallStatus& status);
// Reads what toJson wrote; throws nlohmann::json::exception on a malformed document.
WallStatus wallStatusFromJson(const nlohmann::json& json);

}  // namespace hw
