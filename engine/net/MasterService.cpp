#include "engine/net/MasterService.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "config/LogText.h"
#include "config/WallConfigLoader.h"
#include "engine/control/WallStatus.h"
#include "engine/net/FrameReport.h"
#include "engine/net/HelloCheck.h"
#include "engine/net/HostClock.h"
#include "engine/net/LocalTime.h"
#include "engine/net/LogLine.h"
#include "engine/net/MasterStateFile.h"
#include "engine/net/MovieFiguresJson.h"
#include "engine/net/NodeLiveness.h"
#include "engine/net/NodeShowDocument.h"
#include "engine/net/Protocol.h"
#include "engine/net/Sha256.h"
#include "engine/net/ShowStateJson.h"
#include "engine/net/SoundFiguresJson.h"
#include "engine/render/SeekRange.h"

namespace hw {

// Everything the master knows about one node, connected or not.
struct MasterService::NodeSession {
  std::shared_ptr<ControlChannel> channel;  // null while disconnected
  std::uint64_t token = 0;                  // proves clock requests come from this session
  std::string instance;                     // the node process, from its hello
  double lastHeard = 0;                     // s, host monotonic time of its last message
  LinkState link = LinkState::Down;         // as last announced to listeners
  NodeSyncStatus figures;                   // as last reported
  NodeReadiness readiness;                  // for the lead time
  std::vector<double> clockErrorUs;         // µs, every reported estimate error (simulation)
  std::vector<double> naiveErrorUs;         // µs, the same for the naive baseline
};

namespace {

constexpr std::size_t kMaxErrorSamples = 200000;  // per node: ~14 h at 4 Hz
constexpr std::size_t kMaxRefusalBytes = 1024;    // bytes of a refusal's reason logged and sent
constexpr std::size_t kMaxReportedName = 64;      // bytes of a node's host name or version kept
constexpr double kLivenessLook = 0.5;  // s between looks at how long each node has been silent

void log(const std::string& line) { logLine("master", line); }

std::string hex64(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

void appendSamples(std::vector<double>& into, const nlohmann::json& message, const char* key) {
  auto it = message.find(key);
  if (it == message.end() || !it->is_array()) return;
  for (const auto& value : *it)
    if (value.is_number() && into.size() < kMaxErrorSamples) into.push_back(value.get<double>());
}

}  // namespace

MasterService::MasterService(asio::io_context& io, MasterSettings settings)
    : io_(io),
      settings_(std::move(settings)),
      random_(std::random_device{}()),
      acceptor_(io),
      hellos_(io, settings_.helloLimits, log),
      positionTimer_(io),
      livenessTimer_(io),
      acceptRetryTimer_(io) {
  instance_ = hex64(random_());
  adoptShow();
}

void MasterService::adoptShow() {
  timeline_ = Timeline(timelineSpecFor(settings_.playlist));
  showDocument_ = showDocumentForNodes(settings_.playlist);
  showId_ = Sha256::ofText(showDocument_.dump() + wallConfigToJson(settings_.wall).dump());
}

MasterService::~MasterService() {
  if (assetServer_) assetServer_->stop();
}

void MasterService::start() {
  auto address = asio::ip::make_address(settings_.bindAddress);
  asio::ip::tcp::endpoint control(address, static_cast<unsigned short>(settings_.port));
  try {
    acceptor_.open(control.protocol());
    acceptor_.set_option(asio::ip::tcp::acceptor::reuse_address(true));
    acceptor_.bind(control);
    acceptor_.listen();
    clockResponder_ = std::make_unique<ClockResponder>(
        io_, asio::ip::udp::endpoint(address, static_cast<unsigned short>(settings_.port)),
        [this] { return clock_.now(); },
        [this](std::uint64_t token) {
          for (const auto& [id, session] : nodes_)
            if (session->channel && session->token == token) return true;
          return false;
        });
  } catch (const asio::system_error& e) {
    throw std::runtime_error("cannot listen on " + settings_.bindAddress + ":" +
                             std::to_string(settings_.port) + ": " + e.code().message());
  }
  assetServer_ = std::make_unique<AssetServer>(settings_.assets, settings_.key);
  if (mountHttp_) mountHttp_(assetServer_->server());
  assetServer_->start(settings_.bindAddress, httpPort());

  if (timeline_.firstPlayable() < 0) throw std::runtime_error("the show has no playable cue");
  if (resumePersisted()) {
    PlaybackPosition at = positionAt(state_, timeline_, clock_.now());
    log("resumed the persisted show state (sequence " + std::to_string(state_.sequence) + ", cue " +
        (at.cue >= 0 ? std::to_string(at.cue + 1) : "-") + " of " +
        std::to_string(timeline_.cueCount()) + ", " + playStateName(at.mode, at.finished) +
        (overlay_ == "none" ? "" : ", " + overlay_ + " on") + ")");
  } else {
    double now = clock_.now();
    changeState(
        schedule({}, timeline_, {PlaybackCommand::Kind::Play, now + settings_.startLead, -1}, now));
  }
  armPositionTimer();
  watchLiveness();
  log("serving \"" + settings_.playlist.metadata.title + "\" (" +
      std::to_string(settings_.playlist.cues.size()) + " cues, " +
      std::to_string(settings_.assets.entries.size()) + " files) to wall " + settings_.wall.name +
      " on " + settings_.bindAddress + ":" + std::to_string(settings_.port) +
      " (assets and control API on HTTP port " + std::to_string(httpPort()) + ")");
  accept();
}

bool MasterService::resumePersisted() {
  if (settings_.stateFile.empty() || !settings_.resume) return false;
  try {
    std::optional<MasterStateFile> saved = MasterStateFile::read(settings_.stateFile);
    if (!saved) return false;
    if (saved->showId != showId_) {
      log("state file " + settings_.stateFile + " is for another show or wall; starting afresh");
      return false;
    }
    state_ = saved->state;
    overlay_ = saved->overlay;
    return true;
  } catch (const std::exception& e) {
    log(std::string("ignoring unreadable state file: ") + e.what());
    return false;
  }
}

void MasterService::persist() const {
  if (settings_.stateFile.empty()) return;
  try {
    MasterStateFile{showId_, settings_.startSources, settings_.loadedSource, overlay_, state_}
        .write(settings_.stateFile);
  } catch (const std::exception& e) {
    log(std::string("cannot persist the show state: ") + e.what());
  }
}

void MasterService::changeState(ShowState state) {
  state_ = std::move(state);
  persist();
  nlohmann::json message{
      {"type", "state"}, {"state", showStateToJson(state_)}, {"overlay", overlay_}};
  for (auto& [id, session] : nodes_)
    if (session->channel) session->channel->send(message);
  if (changed_) changed_();
  armPositionTimer();
}

void MasterService::armPositionTimer() {
  constexpr double kPastTheChange = 0.005;  // s, so status read on waking shows the new position
  double now = clock_.now();
  std::optional<double> due;
  if (auto change = nextChange(state_, timeline_, now)) due = change->at;
  for (const PlaybackCommand& command : state_.pending)
    if (command.at > now && (!due || command.at < *due)) due = command.at;
  positionTimer_.cancel();
  if (!due) return;
  positionTimer_.expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(*due - now + kPastTheChange)));
  positionTimer_.async_wait([this](asio::error_code ec) {
    if (ec) return;
    if (changed_) changed_();
    armPositionTimer();
  });
}

void MasterService::watchLiveness() {
  double now = monotonicSeconds();
  for (auto& [id, session] : nodes_) {
    if (!session->channel) continue;
    double silent = now - session->lastHeard;
    LinkState state = linkState(true, silent);
    if (state == LinkState::Down) {
      // A frozen process or a pulled cable: TCP may not notice for minutes.
      session->channel->close("nothing heard for " + std::to_string(static_cast<int>(silent)) +
                              " s");
      continue;
    }
    if (state == session->link) continue;
    session->link = state;
    if (state == LinkState::Stale)
      log("node " + id + " is stale: nothing heard for " +
          std::to_string(static_cast<int>(silent)) + " s");
    if (changed_) changed_();
  }
  livenessTimer_.expires_after(std::chrono::milliseconds(static_cast<int>(kLivenessLook * 1000)));
  livenessTimer_.async_wait([this](asio::error_code ec) {
    if (!ec) watchLiveness();
  });
}

void MasterService::heardFrom(NodeSession& session) {
  session.lastHeard = monotonicSeconds();
  if (session.link == LinkState::Up) return;
  session.link = LinkState::Up;
  log("node " + session.figures.id + " is talking again");
  if (changed_) changed_();
}

void MasterService::replaceShow(Playlist playlist, AssetManifest assets,
                                const std::string& source) {
  if (Timeline(timelineSpecFor(playlist)).firstPlayable() < 0)
    throw std::runtime_error("the show has no playable cue");
  settings_.playlist = std::move(playlist);
  settings_.assets = std::move(assets);
  settings_.loadedSource = source;
  adoptShow();
  if (assetServer_) assetServer_->setManifest(settings_.assets);
  skew_ = SkewTracker();  // its cue numbers were the old show's
  // Stopped at the start, as a wall in one process is after a load; the
  // sequence still rises so that no node keeps a state of the old show.
  ShowState stopped;
  stopped.sequence = state_.sequence + 1;
  state_ = std::move(stopped);
  sendShowToNodes();
  log("now serving \"" + settings_.playlist.metadata.title + "\" (" +
      std::to_string(settings_.playlist.cues.size()) + " cues, " +
      std::to_string(settings_.assets.entries.size()) + " files), stopped at its start");
  if (changed_) changed_();
  armPositionTimer();  // the old show's next change is not due any more
}

bool MasterService::updateShow(Playlist playlist, AssetManifest assets) {
  if (showDocumentForNodes(playlist) == showDocument_) return false;
  if (Timeline(timelineSpecFor(playlist)).firstPlayable() < 0)
    throw std::runtime_error("the show has no playable cue");
  // The wall goes on from where it is: the cue on it now, with its start,
  // becomes the base, so a cue that became playable earlier in the show
  // moves nothing; it plays when the show next comes to it.
  double now = clock_.now();
  ShowState kept;
  kept.sequence = state_.sequence + 1;
  kept.base = stateAt(state_, timeline_, now);
  PlaybackPosition position = timeline_.positionAt(kept.base, now);
  if (kept.base.mode != PlaybackMode::Stopped && position.cue >= 0) {
    kept.base.cue = position.cue;
    kept.base.cueStart = position.cueStart;
    kept.base.fromCue = position.previousCue;
  }
  for (const PlaybackCommand& command : state_.pending)
    if (command.at > now) kept.pending.push_back(command);
  settings_.playlist = std::move(playlist);
  settings_.assets = std::move(assets);
  adoptShow();
  if (assetServer_) assetServer_->setManifest(settings_.assets);
  state_ = std::move(kept);
  sendShowToNodes();
  log("serving \"" + settings_.playlist.metadata.title + "\" with " +
      std::to_string(settings_.assets.entries.size()) + " files now, where it was");
  if (changed_) changed_();
  armPositionTimer();
  return true;
}

void MasterService::sendShowToNodes() {
  persist();
  nlohmann::json message{{"type", "show"},
                         {"show", showDocument_},
                         {"assets", manifestToJson(settings_.assets)},
                         {"state", showStateToJson(state_)},
                         {"overlay", overlay_}};
  for (auto& [id, session] : nodes_) {
    // Until it reports on the new show's files, count it as fetching: a
    // command right after the change gets the full lead, not the old show's.
    session->readiness.assetsComplete = false;
    if (session->channel) session->channel->send(message);
  }
}

void MasterService::setHttpRoutes(std::function<void(GuardedHttpServer&)> mount) {
  mountHttp_ = std::move(mount);
}

void MasterService::setChangeListener(std::function<void()> listener) {
  changed_ = std::move(listener);
}

int MasterService::httpPort() const {
  return settings_.httpPort > 0 ? settings_.httpPort : settings_.port + kAssetPortOffset;
}

void MasterService::stopHttp() {
  if (assetServer_) assetServer_->stop();
}

void MasterService::setOverlay(const std::string& overlay) {
  if (overlay == overlay_) return;
  overlay_ = overlay;
  ShowState next = state_;
  ++next.sequence;  // a new state, so nodes that compare sequences take it
  changeState(std::move(next));
}

std::string MasterService::cueName(int cue) const {
  const auto& cues = settings_.playlist.cues;
  std::string name = "cue " + std::to_string(cue + 1);
  if (cue >= 0 && cue < static_cast<int>(cues.size()))
    name += "/" + std::to_string(cues.size()) + " \"" +
            logSafe(cues[static_cast<std::size_t>(cue)].title) + "\"";
  return name;
}

std::vector<std::string> MasterService::identify(const std::vector<std::string>& nodeIds,
                                                 double seconds) {
  std::vector<std::string> asked;
  double until = clock_.now() + seconds;
  for (const std::string& id : nodeIds) {
    auto it = nodes_.find(id);
    if (it == nodes_.end() || !it->second->channel) continue;
    const ControlChannel& channel = *it->second->channel;
    it->second->channel->send(
        {{"type", "identify"}, {"until", until}, {"address", channel.peerAddress().to_string()}});
    asked.push_back(id);
  }
  return asked;
}

double MasterService::currentLead() const {
  std::vector<NodeReadiness> ready;
  for (const auto& [id, session] : nodes_)
    if (session->channel) ready.push_back(session->readiness);
  return leadTime(ready, settings_.lead);
}

void MasterService::accept() {
  acceptor_.async_accept([this](asio::error_code ec, asio::ip::tcp::socket socket) {
    if (ec == asio::error::operation_aborted) return;
    if (ec) {
      // Out of descriptors (or kernel memory) the pending connection stays in
      // the backlog and accepting again at once fails again: wait instead of
      // spinning the io thread, which also answers the nodes' clocks.
      hellos_.logRefusal("cannot accept a control connection on port " +
                         std::to_string(settings_.port) + ": " + ec.message() +
                         "; trying again in " + std::to_string(kAcceptRetryMs) + " ms");
      acceptRetryTimer_.expires_after(std::chrono::milliseconds(kAcceptRetryMs));
      acceptRetryTimer_.async_wait([this](asio::error_code waited) {
        if (!waited) accept();
      });
      return;
    }
    hellos_.admit(std::move(socket), [this](const auto& channel, const nlohmann::json& message) {
      onFirstMessage(channel, message);
    });
    accept();
  });
}

void MasterService::onFirstMessage(const std::shared_ptr<ControlChannel>& channel,
                                   const nlohmann::json& message) {
  std::string reason =
      refusalReason(message, "hello from " + channel->peer(), settings_.key, settings_.wall);
  if (!reason.empty()) {
    reason = logSafe(reason, kMaxRefusalBytes);
    std::string who =
        message.is_object() && message.contains("node") && message["node"].is_string()
            ? "node " + logSafe(message["node"].get<std::string>()) + " from " + channel->peer()
            : channel->peer();
    hellos_.logRefusal("refused " + who + ": " + reason);
    channel->send({{"type", "refused"}, {"protocol", kProtocolVersion}, {"reason", reason}});
    channel->closeAfterSending(reason);
    return;
  }
  Hello hello = helloFromJson(message, channel->peer());
  channel->setMaxIncomingBytes(FrameCodec::kMaxFrameBytes);  // it has the key
  std::weak_ptr<ControlChannel> weak = channel;
  if (hello.role == "control") {
    controls_.push_back(channel);
    channel->rebind(
        [this, weak](const nlohmann::json& m) {
          if (auto c = weak.lock()) onControlMessage(c, m);
        },
        [this, weak](const std::string&) {
          std::erase_if(controls_, [&](const auto& c) { return c == weak.lock() || !c->open(); });
        });
    channel->send({{"type", "welcome"}, {"protocol", kProtocolVersion}, {"role", "control"}});
    return;
  }
  auto& session = nodes_[hello.nodeId];
  if (!session) session = std::make_unique<NodeSession>();
  if (session->channel && session->channel->open()) {
    double silent = monotonicSeconds() - session->lastHeard;
    if (!newcomerTakesOver(session->instance, hello.instance, silent)) {
      std::string duplicate = "duplicate node id: " + hello.nodeId + " is already connected from " +
                              session->channel->peer();
      log("refused node " + hello.nodeId + " from " + channel->peer() + ": " + duplicate);
      channel->send({{"type", "refused"}, {"protocol", kProtocolVersion}, {"reason", duplicate}});
      channel->closeAfterSending(duplicate);
      return;
    }
    log("node " + hello.nodeId + " reconnected from " + channel->peer() +
        "; dropping its old connection");
    auto old = session->channel;
    session->channel = nullptr;
    old->close("replaced by a new connection");
  }
  session->channel = channel;
  session->token = random_();
  session->instance = hello.instance;
  session->lastHeard = monotonicSeconds();
  session->link = LinkState::Up;
  session->figures.id = hello.nodeId;
  session->figures.connected = true;
  session->figures.address = channel->peer();
  std::string id = hello.nodeId;
  channel->rebind(
      [this, id](const nlohmann::json& m) {
        auto it = nodes_.find(id);
        if (it != nodes_.end()) onNodeMessage(*it->second, m);
      },
      [this, id, weak](const std::string& why) {
        auto it = nodes_.find(id);
        if (it == nodes_.end() || it->second->channel != weak.lock()) return;
        it->second->channel = nullptr;
        it->second->figures.connected = false;
        log("node " + id + " left: " + logSafe(why));
        if (changed_) changed_();
      });
  channel->send(welcomeFor(*session));
  log("node " + id + " joined from " + channel->peer());
  if (changed_) changed_();
}

nlohmann::json MasterService::welcomeFor(const NodeSession& session) const {
  const NodeConfig* node = settings_.wall.findNode(session.figures.id);
  nlohmann::json wall = wallConfigToJson(settings_.wall);
  wall.erase("key");
  return {{"type", "welcome"},
          {"protocol", kProtocolVersion},
          {"role", "node"},
          {"master_instance", instance_},
          {"master_epoch", clock_.epoch()},
          {"token", session.token},
          {"clock_port", settings_.port},
          {"asset_port", httpPort()},
          {"node", {{"id", node->id}, {"col", node->col}, {"row", node->row}}},
          {"wall", wall},
          {"show", showDocument_},
          {"assets", manifestToJson(settings_.assets)},
          {"state", showStateToJson(state_)},
          {"overlay", overlay_}};
}

void MasterService::onNodeMessage(NodeSession& session, const nlohmann::json& message) {
  heardFrom(session);
  const std::string type = message.at("type").get<std::string>();
  NodeSyncStatus& f = session.figures;
  if (type == "node_status") {
    f.synced = message.value("synced", false);
    f.offsetSeconds = message.value("offset_s", 0.0);
    f.hostClockOffsetSeconds = message.value("host_clock_offset_s", 0.0);
    f.clockErrorSeconds = message.value("clock_error_s", 0.0);
    f.ratePpm = message.value("rate_ppm", 0.0);
    f.roundTripSeconds = message.value("round_trip_s", 0.0);
    f.syncSeconds = message.value("sync_s", -1.0);
    f.prepareSeconds = message.value("prepare_s", 0.0);
    f.shownCue = message.value("shown_cue", -1);
    f.cueStart = message.value("cue_start", 0.0);
    f.elapsedSeconds = message.value("elapsed_s", 0.0);
    std::string mediaError = message.value("media_error", "");
    int mediaErrorCue = mediaError.empty() ? -1 : message.value("media_error_cue", -1);
    if (!mediaError.empty() && (mediaError != f.mediaError || mediaErrorCue != f.mediaErrorCue))
      log("node " + f.id + ": " + cueName(mediaErrorCue) + " shows its background: " +
          logSafe(mediaError));
    f.mediaError = mediaError;
    f.host = logSafe(message.value("host", ""), kMaxReportedName);
    f.version = logSafe(message.value("version", ""), kMaxReportedName);
    f.uptimeSeconds = message.value("uptime_s", 0.0);
    f.identifying = message.value("identifying", false);
    f.mediaErrorCue = mediaErrorCue;
    f.movie = movieFiguresFromJson(message.value("movie", nlohmann::json()));
    f.sound = soundFiguresFromJson(message.value("sound", nlohmann::json()));
    const nlohmann::json assets = message.value("assets", nlohmann::json::object());
    f.assetsReported = assets.contains("total");
    f.assetsDone = assets.value("done", 0);
    f.assetsTotal = assets.value("total", 0);
    f.bytesDone = assets.value("bytes_done", std::uint64_t{0});
    f.bytesTotal = assets.value("bytes_total", std::uint64_t{0});
    std::vector<FetchFailure> failing = failuresFromJson(assets.value("failing", nlohmann::json()));
    for (const std::string& line : failureChangeLines(f.id, f.assetsFailing, failing)) log(line);
    f.assetsFailing = std::move(failing);
    f.assetsFailingCount =
        std::max(assets.value("failing_count", 0), static_cast<int>(f.assetsFailing.size()));
    session.readiness = {f.prepareSeconds, f.roundTripSeconds, f.assetsDone >= f.assetsTotal};
    appendSamples(session.clockErrorUs, message, "clock_error_us");
    appendSamples(session.naiveErrorUs, message, "naive_error_us");
  } else if (type == "presented") {
    if (message.value("late", false)) return;  // a catch-up, not a scheduled change
    std::optional<double> truth;
    if (message.contains("presented_true")) truth = message.at("presented_true").get<double>();
    skew_.record(f.id, message.at("cue").get<int>(), message.at("scheduled").get<double>(),
                 message.at("presented").get<double>(), truth);
  } else if (type == "frame") {
    std::string problem = message.contains("capture")
                              ? capture_.accept(f.id, message, monotonicSeconds())
                              : frames_.accept(f.id, message, monotonicSeconds());
    if (!problem.empty()) log(problem);
  } else {
    throw std::runtime_error("unexpected message \"" + type + "\" from a node");
  }
}

std::uint64_t MasterService::startCapture(double at, double abandonAt) {
  std::set<std::string> asked;
  for (const auto& [id, session] : nodes_)
    if (session->channel) asked.insert(id);
  std::uint64_t capture = capture_.start(asked, monotonicSeconds(), abandonAt);
  if (capture == 0) return 0;
  nlohmann::json message = captureRequestToJson({capture, at});
  for (const std::string& id : asked) nodes_.at(id)->channel->send(message);
  return capture;
}

void MasterService::onControlMessage(const std::shared_ptr<ControlChannel>& channel,
                                     const nlohmann::json& message) {
  const std::string type = message.at("type").get<std::string>();
  if (type == "command") {
    channel->send(runCommand(message));
  } else if (type == "status_request") {
    nlohmann::json samples;
    bool withSamples = message.value("samples", false);
    nlohmann::json reply{{"type", "status"}, {"status", toJson(status(withSamples, &samples))}};
    if (withSamples) reply["samples"] = samples;
    channel->send(reply);
  } else {
    throw std::runtime_error("unexpected message \"" + type + "\" from a control client");
  }
}

nlohmann::json MasterService::runCommand(const nlohmann::json& message) {
  auto refuse = [](const std::string& why) {
    return nlohmann::json{{"type", "command_result"}, {"ok", false}, {"message", why}};
  };
  std::string name = message.value("action", "");
  auto kind = commandKindNamed(name);
  if (!kind)
    return refuse("unknown action \"" + name +
                  "\" (play, pause, resume, next, previous, goto, stop, seek)");
  int cue = message.value("cue", -1);
  if (*kind == PlaybackCommand::Kind::GoTo && !timeline_.playable(cue))
    return refuse("no playable cue " + std::to_string(cue) + " (the show has " +
                  std::to_string(timeline_.cueCount()) + " cues, numbered from 0)");
  double now = clock_.now();
  double lead = currentLead();
  PlaybackCommand command{*kind, now + lead, cue};
  if (*kind == PlaybackCommand::Kind::Seek) {
    const nlohmann::json position = message.value("position", nlohmann::json());
    if (!position.is_number()) return refuse("seek needs a \"position\": seconds into the cue");
    command.position = position.get<double>();
  }
  ShowState next = schedule(state_, timeline_, command, now);
  double at = next.pending.back().at;
  if (*kind == PlaybackCommand::Kind::Seek) {
    // The cue the seek lands in is the one on the wall when it takes effect,
    // after every command already scheduled.
    int seekCue = positionAt(state_, timeline_, at).cue;
    if (seekCue < 0) return refuse("nothing is on the wall to seek in: play or go to a cue first");
    std::string outside = seekOutsideCue(timeline_, seekCue, command.position);
    if (!outside.empty()) return refuse(outside);
  }
  changeState(std::move(next));
  char leadText[32], argument[48] = "";
  std::snprintf(leadText, sizeof leadText, "%.3f", lead);
  if (cue >= 0) std::snprintf(argument, sizeof argument, " %d", cue + 1);
  if (*kind == PlaybackCommand::Kind::Seek)
    std::snprintf(argument, sizeof argument, " to %.3f s", command.position);
  log(name + argument + " at " + localTimeOfDay(clock_.realtimeAt(at), 3) + " (master time " +
      std::to_string(at) + ", lead " + leadText + " s)");
  return {{"type", "command_result"},
          {"ok", true},
          {"sequence", state_.sequence},
          {"effective_at", at},
          {"lead_s", lead}};
}

std::optional<MasterService::ScheduledChange> MasterService::scheduledChange() const {
  double now = clock_.now();
  double last = now;
  for (const PlaybackCommand& command : state_.pending) last = std::max(last, command.at);
  if (last <= now) return std::nullopt;
  return ScheduledChange{last, positionAt(state_, timeline_, last)};
}

SyncStatus MasterService::status(bool withSamples, nlohmann::json* samples) const {
  SyncStatus s;
  s.masterTime = clock_.now();
  s.stateSequence = state_.sequence;
  s.position = positionAt(state_, timeline_, s.masterTime);
  s.leadSeconds = currentLead();
  if (withSamples) *samples = nlohmann::json::object();
  double now = monotonicSeconds();
  for (const auto& [id, session] : nodes_) {
    NodeSyncStatus node = session->figures;
    node.silentSeconds = now - session->lastHeard;
    LinkState link = linkState(node.connected, node.silentSeconds);
    // Down once watchLiveness has closed it: until then the figures agree.
    if (node.connected && link == LinkState::Down) link = LinkState::Stale;
    node.link = linkStateName(link);
    for (auto change = skew_.changes().rbegin(); change != skew_.changes().rend(); ++change) {
      auto presented = change->presented.find(id);
      if (presented == change->presented.end()) continue;
      node.lastChangeLateSeconds = presented->second - change->scheduled;
      break;
    }
    if (NodeFrames::Frame frame = frames_.latest(id)) {
      node.frameCue = frame->cue;
      node.frameAt = frame->at;
      node.frameMovie = frame->movieFrame;
    }
    node.clockErrorUs = Spread::of(session->clockErrorUs);
    node.naiveErrorUs = Spread::of(session->naiveErrorUs);
    s.nodes.push_back(node);
    if (withSamples)
      (*samples)[id] = {{"clock_error_us", session->clockErrorUs},
                        {"naive_error_us", session->naiveErrorUs}};
  }
  for (const auto& change : skew_.changes()) {
    auto truth = change.trueSkew();
    s.cues.push_back({change.cue, change.scheduled, static_cast<int>(change.presented.size()),
                      change.skew() * 1e3, truth ? *truth * 1e3 : -1.0});
  }
  return s;
}

}  // namespace hw
