#pragma once

#include <asio.hpp>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "config/WallConfig.h"
#include "engine/net/AssetManifest.h"
#include "engine/net/AssetServer.h"
#include "engine/net/ClockResponder.h"
#include "engine/net/ControlChannel.h"
#include "engine/net/LeadTime.h"
#include "engine/net/MasterClock.h"
#include "engine/net/NodeFrames.h"
#include "engine/net/PendingHellos.h"
#include "engine/net/ShowState.h"
#include "engine/net/SkewTracker.h"
#include "engine/net/SyncStatus.h"
#include "engine/net/WallCapture.h"

namespace hw {

struct MasterSettings {
  WallConfig wall;                        // the wall; its nodes are who may join
  std::string key;                        // wall key every hello and asset request must present
  Playlist playlist;                      // the show, media URIs already "asset:<sha256>"
  AssetManifest assets;                   // the files the show uses, served by digest
  std::string bindAddress = "0.0.0.0";    // where the master listens (TCP, UDP, HTTP)
  int port = 7400;                        // TCP control and UDP clock
  int httpPort = 0;                       // HTTP assets and control API (0 = port + 1)
  std::string stateFile;                  // where the show state is persisted ("" = nowhere)
  std::vector<std::string> startSources;  // the command line's show, kept with the state
  std::string loadedSource;               // what `load` read the show from ("" = startSources)
  bool resume = true;       // false: start the show afresh whatever the state file holds
  LeadTimeBounds lead;      // s, how far ahead changes are scheduled
  double startLead = 1.0;   // s, before the first cue of a fresh start
  HelloLimits helloLimits;  // what a peer without the key may hold of the control port
};

// The master: owns the show state and its schedule, answers clock exchanges,
// serves assets, keeps the node bookkeeping. Runs on one io_context thread
// (the caller's run()); the asset server has its own thread.
class MasterService {
 public:
  MasterService(asio::io_context& io, MasterSettings settings);
  ~MasterService();

  // Binds everything (throws std::runtime_error naming what failed) and
  // resumes the persisted state, or starts the show.
  void start();

  SyncStatus status(bool withSamples, nlohmann::json* samples) const;

  // Lets the caller add routes (the control API) to the HTTP server before it
  // serves; call before start().
  void setHttpRoutes(std::function<void(GuardedHttpServer&)> mount);
  // Called on the io thread after every show state change and node join or leave.
  void setChangeListener(std::function<void()> listener);
  // Schedules {"action": ..., "cue": ...} ("position": s for seek) as the TCP
  // control command does; io thread only.
  nlohmann::json runCommand(const nlohmann::json& message);
  // Replaces the show (io thread only): `playlist` with "asset:<sha256>" URIs
  // for the files in `assets`, which the asset server serves from now on. The
  // wall stops at the new show's start, the state is persisted for the new
  // show with `source` (so a restart loads it again) and every connected node
  // gets it in a "show" message (later ones in their welcome). Throws
  // std::runtime_error, changing nothing, when the show has no playable cue.
  void replaceShow(Playlist playlist, AssetManifest assets, const std::string& source);
  // The same show with changed files (per-display movies ready): the wall
  // goes on from the cue and instant it is at. False when nothing a node
  // reads changed (nothing is sent). Throws like replaceShow.
  bool updateShow(Playlist playlist, AssetManifest assets);
  // When the commands already scheduled have all taken effect, and the
  // wall's position then; nullopt when none is pending. io thread only.
  struct ScheduledChange {
    double at = 0;              // s, master time of the last pending command
    PlaybackPosition position;  // the wall just after it
  };
  std::optional<ScheduledChange> scheduledChange() const;
  const MasterClock& clock() const { return clock_; }
  // "none", "pattern" or "blank": drawn by every node over the show; io thread only.
  void setOverlay(const std::string& overlay);
  const std::string& overlay() const { return overlay_; }
  // Puts the identify card (id, host, address, display, version) on the
  // displays of `nodeIds` for `seconds` (io thread only): the ids of those
  // connected, which were asked; the others are not.
  std::vector<std::string> identify(const std::vector<std::string>& nodeIds, double seconds);
  // Every node's latest frame report; thread-safe, any thread.
  const NodeFrames& frames() const { return frames_; }
  // Asks every connected node for the picture on its display at master time
  // `at` (io thread only): the capture's id, 0 while another runs (one not
  // finished by host monotonic s `abandonAt` no longer counts). Its answers
  // come to capture(), which returns them to the one who finishes it.
  std::uint64_t startCapture(double at, double abandonAt);
  WallCapture& capture() { return capture_; }
  int httpPort() const;
  // Stops the HTTP server; its handlers must no longer wait for anything.
  void stopHttp();

 private:
  struct NodeSession;
  void accept();
  void onFirstMessage(const std::shared_ptr<ControlChannel>& channel,
                      const nlohmann::json& message);
  void onNodeMessage(NodeSession& session, const nlohmann::json& message);
  void onControlMessage(const std::shared_ptr<ControlChannel>& channel,
                        const nlohmann::json& message);
  nlohmann::json welcomeFor(const NodeSession& session) const;
  // "cue 3/7 \"Sea ice\"" for log lines (a cue not in the show: "cue 9").
  std::string cueName(int cue) const;
  // Derives the timeline, the nodes' document and the show id from settings_.
  void adoptShow();
  double currentLead() const;
  void changeState(ShowState state);
  // Wakes the change listener when the wall's position next changes by
  // itself (a cue ends, a scheduled command takes effect), so remotes hear
  // of automatic advances when they happen rather than on their next poll.
  void armPositionTimer();
  // Marks nodes silent past LivenessRule::staleAfter stale and disconnects
  // those silent past downAfter; runs every kLivenessLook on the io thread.
  void watchLiveness();
  void heardFrom(NodeSession& session);
  void persist() const;
  // The show, its files and state to every node, after persisting them.
  void sendShowToNodes();
  bool resumePersisted();

  asio::io_context& io_;
  MasterSettings settings_;
  MasterClock clock_;
  std::string instance_;         // random per start: nodes tell a restart from a reconnect
  nlohmann::json showDocument_;  // the show as nodes get it (.hwshow, NodeShowDocument.h)
  std::string showId_;  // digest of show + wall: a persisted state only resumes the same show
  Timeline timeline_{TimelineSpec{}};
  ShowState state_;
  SkewTracker skew_;
  std::mt19937_64 random_;
  asio::ip::tcp::acceptor acceptor_;
  PendingHellos hellos_;
  asio::steady_timer positionTimer_;
  asio::steady_timer livenessTimer_;
  // ms to wait before accepting again after accept failed (out of descriptors)
  static constexpr int kAcceptRetryMs = 100;
  asio::steady_timer acceptRetryTimer_;
  std::unique_ptr<ClockResponder> clockResponder_;
  std::unique_ptr<AssetServer> assetServer_;
  std::map<std::string, std::unique_ptr<NodeSession>> nodes_;  // by node id, joined at least once
  std::vector<std::shared_ptr<ControlChannel>> controls_;
  std::function<void(GuardedHttpServer&)> mountHttp_;
  std::function<void()> changed_;
  std::string overlay_ = "none";
  NodeFrames frames_;
  WallCapture capture_;
};

}  // namespace hw
