#pragma once

#include <asio.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/net/AssetPrefetcher.h"
#include "engine/net/CaptureRequests.h"
#include "engine/net/ClockRequester.h"
#include "engine/net/ControlChannel.h"
#include "engine/net/DecodeRate.h"
#include "engine/net/HostNames.h"
#include "engine/net/NodeClock.h"
#include "engine/net/NodeFacts.h"
#include "engine/net/NodeSettings.h"
#include "engine/net/NodeSound.h"
#include "engine/net/RetrySchedule.h"
#include "engine/render/MovieCuePlayback.h"
#include "hwshow/LocalMirror.h"

namespace hw {

// The node's network side, on its own io_context thread: connects to the
// master (retrying with backoff), says hello, takes in the welcome, every
// state and every new show, runs clock exchanges, starts asset prefetching
// and reports status. The master's capture requests go to the present loop
// through `captures`, waking it with an update of the facts. The node's
// `sound` is reported with its status.
// Everything learnt is published to the SharedNodeFacts.
class NodeLink {
 public:
  NodeLink(asio::io_context& io, const NodeSettings& settings, const NodeClock& clock,
           SharedNodeFacts& view, AssetPrefetcher& prefetcher, CaptureRequests& captures,
           const NodeSound& sound);

  void start();
  // Thread-safe: queue a message for the master (dropped while disconnected).
  void post(nlohmann::json message);
  // Thread-safe: what the present loop says about itself, for status reports.
  void setPresenterFigures(int shownCue, double prepareSeconds);
  // Thread-safe: why the display shows cue `cue`'s background instead of its
  // media, or "" once it shows what it should (docs/protocol.md, node_status).
  void setMediaError(int cue, std::string reason);
  // Thread-safe: the movie playback of cue `cue` on the display (PlayerFrame::movie),
  // called on every frame drawn; reported while `cue` is the shown cue and
  // has a movie (docs/protocol.md, node_status "movie").
  void setMovieFigures(int cue, const MovieStats& stats);
  double startedAt() const { return startedAt_; }

 private:
  void connect();
  void onClosed(const std::string& why);
  void retryLater(const std::string& why);
  std::string masterName() const;  // "host:port" as configured
  void onMessage(const nlohmann::json& message);
  void onWelcome(const nlohmann::json& message);
  void onShow(const nlohmann::json& message);
  // Starts fetching this node's files of `show` unless that is the job running.
  void prefetch(const Playlist& show, const AssetManifest& assets, const WallConfig& wall,
                const NodeConfig& node, bool freshMaster);
  void onSample(const ClockSample& sample, const ClockEstimate& estimate);
  void sampleError();
  // node_status every second, and once more when a prefetch job completes.
  void sendStatus();
  void watchPrefetch();
  void reportStatus();

  asio::io_context& io_;
  const NodeSettings& settings_;
  const NodeClock& clock_;
  SharedNodeFacts& view_;
  AssetPrefetcher& prefetcher_;
  CaptureRequests& captures_;
  const NodeSound& sound_;
  LocalMirror mirror_ = LocalMirror::fromEnvironment();  // read only: local copies of URLs
  asio::ip::tcp::resolver resolver_;
  asio::steady_timer retryTimer_;
  asio::steady_timer welcomeTimer_;
  asio::steady_timer statusTimer_;
  asio::steady_timer errorTimer_;
  asio::steady_timer prefetchTimer_;
  ClockRequester clock_requester_;
  std::shared_ptr<ControlChannel> channel_;
  std::string instance_;         // this process, for the master's logs
  std::string hostName_ = thisHostName();  // reported, so operators see which PC this is
  std::string masterInstance_;   // the master process we were last welcomed by
  double masterEpoch_ = 0;
  int assetPort_ = 0;            // the master's HTTP port, from the welcome
  std::vector<std::string> fetching_;  // digests of the prefetch job running
  RetrySchedule reconnect_;      // waits between connection attempts
  int failedConnects_ = 0;       // attempts since the last welcome
  double startedAt_;             // s, host monotonic at start
  double syncSeconds_ = -1;      // s from start to the first usable estimate
  std::string lastProblem_;      // printed once until it changes
  bool answered_ = false;        // the peer answered this connection's hello (welcome or refusal)
  std::string refusal_;          // why the master refused this connection ("" = it did not)
  std::vector<double> clockErrorUs_;  // µs, sampled since the last report (simulation)
  std::vector<double> naiveErrorUs_;
  std::mutex figuresMutex_;
  int shownCue_ = -1;
  double prepareSeconds_ = 0;
  int mediaErrorCue_ = -1;  // cue whose media failed (-1: none)
  std::string mediaError_;  // why ("" = the display shows its media)
  int movieCue_ = -1;       // cue of movieStats_ (-1: none)
  MovieStats movieStats_;   // its playback's counts, as last drawn
  DecodeRate decodeRate_;   // of movieCue_'s playback
};

}  // namespace hw
