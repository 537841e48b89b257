#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/net/FetchFailure.h"
#include "engine/render/MovieFigures.h"
#include "engine/render/PlaybackPosition.h"
#include "engine/render/SoundFigures.h"

namespace hw {

// Percentiles of a set of measurements, for reports.
struct Spread {
  int count = 0;     // measurements
  double p50 = 0;    // median, in the unit of the measurements
  double p99 = 0;    // 99th percentile
  double max = 0;    // largest
  static Spread of(std::vector<double> values);
};

// What the master knows about one node, as the control API serves it.
struct NodeSyncStatus {
  std::string id;                 // node id from the wall config
  bool connected = false;         // true while its control connection is open
  std::string link = "down";      // "up", "stale" (silent: figures old), "down" (NodeLiveness)
  double silentSeconds = 0;       // s since its last message (its figures are this old)
  std::string address;            // host:port it connected from
  std::string host;               // the host name of its PC, as it says
  std::string version;            // the hyperwall version it runs
  double uptimeSeconds = 0;       // s since its process started, at its last report
  bool identifying = false;       // its identify card is up (ctl identify)
  bool synced = false;            // its clock estimate is usable
  double offsetSeconds = 0;       // s, master minus node clock as the node estimates it
  double hostClockOffsetSeconds = 0;  // s, the node host's realtime clock minus master time
  double clockErrorSeconds = 0;   // s, one standard error of the node's master-time estimate
  double lastChangeLateSeconds = 0;  // s, its present of the last change it reported minus the schedule
  double ratePpm = 0;             // ppm, node clock drift against the master's
  double roundTripSeconds = 0;    // s, best clock round trip in its window
  double syncSeconds = -1;        // s from node start to a usable clock (-1: not yet)
  double prepareSeconds = 0;      // s, longest recent time to make a cue ready
  int shownCue = -1;              // cue on its display now (-1: standby)
  double cueStart = 0;            // master s that cue started, by the node's copy of the state
  double elapsedSeconds = 0;      // s into that cue at its last report (seeks and pauses show here)
  int frameCue = -1;              // cue of the last picture it reported (frame; -1: none)
  double frameAt = 0;             // master s it showed that picture
  std::int64_t frameMovie = -1;   // frame of the cue's movie in that picture (0-based; -1: none)
  std::string mediaError;         // why it shows a cue's background, not its media ("": not)
  int mediaErrorCue = -1;         // the cue that failed (-1: none)
  std::optional<MovieFigures> movie;  // the movie of shownCue, when it has one and said so
  std::optional<SoundFigures> sound;  // the wall's sound, when this node plays it
  bool assetsReported = false;    // its status has said how many files it needs
  int assetsDone = 0;             // files of the show in its cache, verified
  int assetsTotal = 0;            // files of the show it needs
  std::uint64_t bytesDone = 0;    // bytes of the verified files
  std::uint64_t bytesTotal = 0;   // bytes of every file it needs
  int assetsFailingCount = 0;     // files whose last fetch failed
  std::vector<FetchFailure> assetsFailing;  // the first of those, named, with why
  Spread clockErrorUs;            // µs, estimate minus simulated truth (simulation only)
  Spread naiveErrorUs;            // µs, the same for a single-exchange estimate (baseline)
};

// Present skew of one cue change over the nodes that reported it.
struct CueSkewStatus {
  int cue = -1;           // cue shown from the change
  double scheduled = 0;   // s, master time it was scheduled for
  int nodes = 0;          // nodes that reported presenting it
  double skewMs = 0;      // ms, latest minus earliest present (nodes' own clock estimates)
  double trueSkewMs = -1; // ms, the same against simulated truth (-1: not simulated)
};

struct SyncStatus {
  std::uint64_t stateSequence = 0;  // sequence of the show state in force
  PlaybackPosition position;        // where the show is now
  double leadSeconds = 0;           // s, how far ahead changes are scheduled now
  double masterTime = 0;            // s, master clock when this was taken
  std::vector<NodeSyncStatus> nodes;
  std::vector<CueSkewStatus> cues;  // most recent last
};

nlohmann::json toJson(const Spread& spread);
nlohmann::json toJson(const NodeSyncStatus& node);
nlohmann::json toJson(const SyncStatus& status);

}  // namespace hw
