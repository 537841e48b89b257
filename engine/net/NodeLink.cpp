#include "engine/net/NodeLink.h"

#include "config/InputError.h"
#include "config/WallConfigLoader.h"
#include "engine/net/FrameReport.h"
#include "engine/net/HelloCheck.h"
#include "engine/net/HostClock.h"
#include "engine/net/HostNames.h"
#include "engine/net/LogLine.h"
#include "engine/net/MovieFiguresJson.h"
#include "engine/net/NodeCards.h"
#include "engine/net/NodeShowDocument.h"
#include "engine/net/ShowStateJson.h"
#include "engine/net/SoftwareVersion.h"
#include "engine/net/SoundFiguresJson.h"
#include "hwshow/MovieCueTiming.h"

namespace hw {
namespace {

constexpr double kPrefetchLook = 0.05;  // s between looks at a running prefetch job
constexpr double kWelcomeDeadline = 3.0;  // s a master has to answer a hello (it does in ms)
constexpr std::size_t kMaxAddressLength = 64;  // characters: an IPv6 address with its zone fits

std::chrono::microseconds after(double seconds) {
  return std::chrono::microseconds(static_cast<long>(seconds * 1e6));
}

}  // namespace

NodeLink::NodeLink(asio::io_context& io, const NodeSettings& settings, const NodeClock& clock,
                   SharedNodeFacts& view, AssetPrefetcher& prefetcher, CaptureRequests& captures,
                   const NodeSound& sound)
    : io_(io),
      settings_(settings),
      clock_(clock),
      view_(view),
      prefetcher_(prefetcher),
      captures_(captures),
      sound_(sound),
      resolver_(io),
      retryTimer_(io),
      welcomeTimer_(io),
      statusTimer_(io),
      errorTimer_(io),
      prefetchTimer_(io),
      clock_requester_(
          io, clock, [this](const ClockSample& s, const ClockEstimate& e) { onSample(s, e); },
          ClockRequester::Rates{}),
      startedAt_(monotonicSeconds()) {
  std::random_device random;
  instance_ = std::to_string(random()) + std::to_string(random());
}

void NodeLink::start() {
  connect();
  sendStatus();
  if (settings_.simulate) sampleError();
}

void NodeLink::post(nlohmann::json message) {
  asio::post(io_, [this, message = std::move(message)] {
    if (channel_ && channel_->open()) channel_->send(message);
  });
}

void NodeLink::setPresenterFigures(int shownCue, double prepareSeconds) {
  std::lock_guard lock(figuresMutex_);
  shownCue_ = shownCue;
  prepareSeconds_ = prepareSeconds;
}

void NodeLink::setMediaError(int cue, std::string reason) {
  std::lock_guard lock(figuresMutex_);
  mediaErrorCue_ = reason.empty() ? -1 : cue;
  mediaError_ = std::move(reason);
}

void NodeLink::setMovieFigures(int cue, const MovieStats& stats) {
  std::lock_guard lock(figuresMutex_);
  movieCue_ = cue;
  movieStats_ = stats;
  decodeRate_.add(monotonicSeconds(), cue, stats.composed);
}

void NodeLink::connect() {
  resolver_.async_resolve(
      settings_.masterHost, std::to_string(settings_.port),
      [this](asio::error_code ec, asio::ip::tcp::resolver::results_type results) {
        if (ec) return retryLater("cannot resolve " + settings_.masterHost + ": " + ec.message());
        auto socket = std::make_shared<asio::ip::tcp::socket>(io_);
        asio::async_connect(*socket, results, [this, socket](asio::error_code ec2, const auto&) {
          if (ec2) return retryLater("cannot reach master " + masterName() + ": " + ec2.message());
          channel_ = std::make_shared<ControlChannel>(std::move(*socket));
          answered_ = false;
          refusal_.clear();
          channel_->start([this](const nlohmann::json& m) { onMessage(m); },
                          [this](const std::string& why) { onClosed(why); });
          channel_->send(helloToJson({settings_.protocol, settings_.key, "node", settings_.nodeId, instance_}));
          // Whatever listens there but is not a master (a web server, another
          // program) must not leave the node waiting silently.
          welcomeTimer_.expires_after(after(kWelcomeDeadline));
          welcomeTimer_.async_wait([this, channel = channel_](asio::error_code ec3) {
            if (!ec3 && !answered_) channel->close("no answer to the hello within 3 s");
          });
        });
      });
}

void NodeLink::onClosed(const std::string& why) {
  welcomeTimer_.cancel();
  clock_requester_.stop();
  view_.update([](NodeFacts& v) {
    if (v.connected) v.disconnectedSince = monotonicSeconds();
    v.connected = false;
  });
  if (!view_.snapshot().refusal.empty()) return;  // for good: the run loop exits
  if (!refusal_.empty()) return retryLater("master refused this node: " + refusal_);
  if (!answered_)
    return retryLater(masterName() + " is not answering as a hyperwall master (" + why +
                      "); is that the master's --port?");
  retryLater("lost the master: " + why);
}

std::string NodeLink::masterName() const {
  return settings_.masterHost + ":" + std::to_string(settings_.port);
}

void NodeLink::retryLater(const std::string& why) {
  if (why != lastProblem_) {
    logLine("node " + settings_.nodeId, why + "; retrying (backoff up to " +
                                            std::to_string(static_cast<int>(reconnect_.most)) +
                                            " s)");
    lastProblem_ = why;
  }
  retryTimer_.expires_after(after(reconnect_.delayAfter(++failedConnects_)));
  retryTimer_.async_wait([this](asio::error_code ec) {
    if (!ec) connect();
  });
}

void NodeLink::onMessage(const nlohmann::json& message) {
  const std::string type = message.at("type").get<std::string>();
  answered_ = true;
  if (type == "refused") {
    std::string reason = message.value("reason", "no reason given");
    // Another protocol version is for good (this binary must be replaced);
    // anything else the master's operator can put right (key, wall, a
    // duplicate going away), so the node keeps knocking.
    if (message.value("protocol", settings_.protocol) != settings_.protocol)
      view_.update([&](NodeFacts& v) { v.refusal = "master refused this node: " + reason; });
    refusal_ = reason;
    channel_->close("refused");
    return;
  }
  if (type == "welcome") return onWelcome(message);
  if (type == "show") return onShow(message);
  if (type == "state") {
    ShowState state = showStateFromJson(message.at("state"), "state from master");
    view_.update([&](NodeFacts& v) {
      if (state.sequence < v.state.sequence) return;
      v.state = std::move(state);
      v.overlay = message.value("overlay", "none");
    });
    return;
  }
  if (type == "identify") {
    double until = message.at("until").get<double>();
    std::string address = message.value("address", "");
    view_.update([&](NodeFacts& v) {
      v.identifyUntil = until;
      v.address = address.substr(0, kMaxAddressLength);
    });
    logLine("node " + settings_.nodeId, "identifying this display (asked by the master)");
    return;
  }
  if (type == "capture") {
    captures_.add(captureRequestFromJson(message));
    view_.update([](NodeFacts&) {});  // wakes the present loop
    return;
  }
  throw std::runtime_error("unexpected message \"" + type + "\" from the master");
}

void NodeLink::onWelcome(const nlohmann::json& message) {
  const std::string origin = "welcome from master";
  int protocol = message.value("protocol", 0);
  if (protocol != settings_.protocol) {
    std::string reason = "master speaks protocol " + std::to_string(protocol) +
                         ", this node speaks protocol " + std::to_string(settings_.protocol);
    view_.update([&](NodeFacts& v) { v.refusal = "refusing the master: " + reason; });
    channel_->close(reason);
    return;
  }
  WallConfig wall = parseWallConfig(message.at("wall"), origin);
  auto show = std::make_shared<Playlist>(showFromDocument(message.at("show"), wall, mirror_, origin));
  auto timeline = std::make_shared<const Timeline>(timelineSpecFor(*show));
  ShowState state = showStateFromJson(message.at("state"), origin);
  AssetManifest assets = manifestFromJson(message.at("assets"), origin);
  const NodeConfig* node = wall.findNode(message.at("node").at("id").get<std::string>());
  if (!node) throw std::runtime_error("the welcome names a node not on its wall");
  std::string masterInstance = message.at("master_instance").get<std::string>();
  bool freshMaster = masterInstance != masterInstance_;
  masterInstance_ = masterInstance;
  masterEpoch_ = message.at("master_epoch").get<double>();
  auto token = message.at("token").get<std::uint64_t>();
  int clockPort = message.at("clock_port").get<int>();
  assetPort_ = message.at("asset_port").get<int>();

  failedConnects_ = 0;
  lastProblem_.clear();
  logLine("node " + settings_.nodeId, "joined wall " + wall.name + " at column " +
                                          std::to_string(node->col) + ", row " +
                                          std::to_string(node->row));
  view_.update([&](NodeFacts& v) {
    v.welcomed = v.connected = true;
    v.masterInstance = masterInstance;
    v.masterEpoch = masterEpoch_;
    v.node = *node;
    v.wall = wall;
    v.show = show;
    v.assets = assets;
    v.timeline = timeline;
    if (freshMaster || state.sequence >= v.state.sequence) {
      v.state = state;
      v.overlay = message.value("overlay", "none");
    }
    // A restarted master continues the same time line (master_epoch), so a
    // synced estimate keeps the show going until the new one is synced.
    if (settings_.systemClock) {
      v.estimate = ClockEstimate{true, 0, 0, 0, 0, 0, 0};
    } else if (freshMaster && !v.estimate.synced) {
      v.estimate = {};
    }
  });
  if (settings_.systemClock) {
    if (syncSeconds_ < 0) syncSeconds_ = monotonicSeconds() - startedAt_;
  } else {
    clock_requester_.start({channel_->peerAddress(), static_cast<unsigned short>(clockPort)}, token,
                           freshMaster);
  }
  prefetch(*show, assets, wall, *node, freshMaster);
}

// Another show on the same master and wall: the welcome's wall and place stay.
void NodeLink::onShow(const nlohmann::json& message) {
  const std::string origin = "show from master";
  NodeFacts known = view_.snapshot();
  if (!known.welcomed) throw std::runtime_error("a show arrived before the welcome");
  auto show =
      std::make_shared<Playlist>(showFromDocument(message.at("show"), known.wall, mirror_, origin));
  auto timeline = std::make_shared<const Timeline>(timelineSpecFor(*show));
  ShowState state = showStateFromJson(message.at("state"), origin);
  AssetManifest assets = manifestFromJson(message.at("assets"), origin);
  logLine("node " + settings_.nodeId, "new show \"" + show->metadata.title + "\" (" +
                                          std::to_string(show->cues.size()) + " cues)");
  // Show, timeline and state change together: the present loop never pairs a
  // cue index of one show with the other.
  view_.update([&](NodeFacts& v) {
    v.show = show;
    v.assets = assets;
    v.timeline = timeline;
    v.state = state;
    v.overlay = message.value("overlay", "none");
  });
  prefetch(*show, assets, known.wall, known.node, false);
}

void NodeLink::prefetch(const Playlist& show, const AssetManifest& assets, const WallConfig& wall,
                        const NodeConfig& node, bool freshMaster) {
  std::vector<AssetEntry> needed;
  std::vector<std::string> digests;
  for (const auto& digest : assetsForDisplay(show, wall, node.col, node.row))
    if (const AssetEntry* entry = assets.find(digest)) {
      needed.push_back(*entry);
      digests.push_back(digest);
    }
  // A reconnect to the same master keeps its job; files already cached are
  // not fetched again either way (the cache is content-addressed).
  if (!freshMaster && digests == fetching_) return;
  fetching_ = digests;
  prefetcher_.fetch(
      needed, "http://" + settings_.masterHost + ":" + std::to_string(assetPort_) + "/assets/",
      settings_.key);
  watchPrefetch();
}

void NodeLink::onSample(const ClockSample&, const ClockEstimate& estimate) {
  if (estimate.synced && syncSeconds_ < 0) {
    syncSeconds_ = monotonicSeconds() - startedAt_;
    logLine(
        "node " + settings_.nodeId,
        "clock synchronised in " + std::to_string(static_cast<int>(syncSeconds_ * 1000)) + " ms");
  }
  view_.update([&](NodeFacts& v) {
    if (estimate.synced || !v.estimate.synced) v.estimate = estimate;
  });
}

void NodeLink::sampleError() {
  errorTimer_.expires_after(after(0.25));
  errorTimer_.async_wait([this](asio::error_code ec) {
    if (ec) return;
    if (masterEpoch_ != 0 && (settings_.systemClock || clock_requester_.estimate().synced)) {
      double mono = monotonicSeconds();
      double truth = mono + masterEpoch_;
      if (settings_.systemClock) {
        clockErrorUs_.push_back((clock_.fromHost(realtimeSeconds()) - truth) * 1e6);
      } else {
        double local = clock_.fromHost(mono);
        clockErrorUs_.push_back((clock_requester_.estimate().toMaster(local) - truth) * 1e6);
        if (auto last = clock_requester_.lastSample())
          naiveErrorUs_.push_back((local + last->offset() - truth) * 1e6);
      }
    }
    sampleError();
  });
}

void NodeLink::sendStatus() {
  statusTimer_.expires_after(after(1.0));
  statusTimer_.async_wait([this](asio::error_code ec) {
    if (ec) return;
    reportStatus();
    sendStatus();
  });
}

void NodeLink::watchPrefetch() {
  prefetchTimer_.expires_after(after(kPrefetchLook));
  prefetchTimer_.async_wait([this](asio::error_code ec) {
    if (ec) return;  // replaced by a newer job's watch
    PrefetchProgress p = prefetcher_.progress();
    if (p.done < p.total) return watchPrefetch();
    reportStatus();  // the master shortens its lead as soon as the files are here
  });
}

void NodeLink::reportStatus() {
  if (!channel_ || !channel_->open()) return;
  const ClockEstimate& e = clock_requester_.estimate();
  PrefetchProgress p = prefetcher_.progress();
  int shown, mediaErrorCue;
  double prepare;
  std::string mediaError;
  int movieCue;
  MovieFigures movie;
  {
    std::lock_guard lock(figuresMutex_);
    shown = shownCue_;
    prepare = prepareSeconds_;
    mediaErrorCue = mediaErrorCue_;
    mediaError = mediaError_;
    movieCue = movieCue_;
    movie = {movieStats_.frame, movieStats_.dropped, movieStats_.late, movieStats_.queued,
             decodeRate_.perSecond()};
  }
  nlohmann::json status{{"type", "node_status"},
                        {"synced", settings_.systemClock || e.synced},
                        {"offset_s", e.offset},
                        {"host_clock_offset_s", realtimeSeconds() - e.toMaster(clock_.now())},
                        {"clock_error_s", e.error},
                        {"rate_ppm", e.rate * 1e6},
                        {"round_trip_s", e.roundTrip},
                        {"sync_s", syncSeconds_},
                        {"prepare_s", prepare},
                        {"shown_cue", shown},
                        {"media_error", mediaError},
                        {"media_error_cue", mediaErrorCue},
                        {"host", hostName_},
                        {"version", softwareVersion()},
                        {"uptime_s", monotonicSeconds() - startedAt_},
                        {"assets",
                         {{"done", p.done},
                          {"total", p.total},
                          {"bytes_done", p.bytesDone},
                          {"bytes_total", p.bytesTotal},
                          {"failing_count", p.failing.size()},
                          {"failing", failuresToJson(p.failing)}}}};
  // Where in its cue the node is, by its own copy of the state and clock: a
  // seek or pause must reach every node, not just the master.
  NodeFacts facts = view_.snapshot();
  status["identifying"] = identifying(facts, facts.estimate.toMaster(clock_.now()));
  if (shown >= 0 && facts.timeline) {
    PlaybackPosition at =
        positionAt(facts.state, *facts.timeline, facts.estimate.toMaster(clock_.now()));
    if (at.cue == shown) {
      status["cue_start"] = at.cueStart;
      status["elapsed_s"] = at.elapsed;
    }
  }
  if (shown >= 0 && movieCue == shown && facts.show &&
      static_cast<std::size_t>(shown) < facts.show->cues.size() &&
      hasMovie(facts.show->cues[static_cast<std::size_t>(shown)]))
    status["movie"] = movieFiguresToJson(movie);
  if (std::optional<SoundFigures> sound = sound_.figures())
    status["sound"] = soundFiguresToJson(*sound);
  if (settings_.simulate) {
    status["clock_error_us"] = clockErrorUs_;
    status["naive_error_us"] = naiveErrorUs_;
    clockErrorUs_.clear();
    naiveErrorUs_.clear();
  }
  channel_->send(status);
}

}  // namespace hw
