#include <functional>
#include <limits>

#include "config/InputError.h"
#include "config/JsonFile.h"
#include "config/JsonObjectReader.h"
#include "config/LogText.h"
#include "engine/control/ApiReplies.h"
#include "engine/control/CommandLogLine.h"
#include "engine/control/ControlRoutes.h"
#include "engine/control/ShowSourceCheck.h"

namespace hw {
namespace {

using Action = std::function<void()>;
// Reads a command's arguments from its body and returns what it will do, so
// that every argument is checked before the wall is touched.
using ParseCommand = std::function<Action(JsonObjectReader& args, ControlApiState& state)>;
// The same for a request that answers with more than the wall's status.
using Answer = std::function<nlohmann::json()>;
using ParseRequest = std::function<Answer(JsonObjectReader& args, ControlApiState& state)>;
// What the wall did, for the log line, from the answer ("" for nothing to add).
using Outcome = std::function<std::string(const nlohmann::json& answer, ControlApiState& state)>;

// `name` is the command as the log names it. Every keyed command gets one
// line in the wall's log, done or refused, saying who asked (docs/api.md, "Log").
httplib::Server::Handler request(std::shared_ptr<ControlApiState> state, std::string name,
                                 ParseRequest parse, Outcome outcome = {}) {
  return [state, name, parse, outcome](const httplib::Request& req, httplib::Response& res) {
    KeyCheck check = state->checkKey(req);
    if (!check.granted()) return refuseKey(res, check);
    std::string said = name;
    auto log = [&](const std::string& line) {
      if (state->log.write)
        state->log.write(said + " by " +
                         requesterOf(req.get_header_value("User-Agent"),
                                     req.get_header_value("X-Hyperwall-Client"), req.remote_addr) +
                         line);
    };
    try {
      nlohmann::json body =
          req.body.empty() ? nlohmann::json::object() : parseJsonText(req.body, "request body");
      said = commandWords(name, body);
      JsonObjectReader args(body, "request body", "");
      Answer answer = parse(args, *state);
      args.rejectUnknownKeys();
      nlohmann::json reply = answer();
      std::string what = outcome ? outcome(reply, *state) : "";
      log(what.empty() ? "" : ": " + what);
      replyJson(res, 200, reply);
    } catch (const CommandRefused& e) {
      log(" refused: " + logSafe(e.what()));
      replyError(res, httpStatusFor(e.reason()), e.what());
    } catch (const InputError& e) {
      log(" refused: " + logSafe(e.what()));
      replyError(res, 400, e.what());
    } catch (const std::exception& e) {
      log(" failed: " + logSafe(e.what()));
      replyError(res, 500, e.what());
    }
  };
}

// A command answered with the wall's status after it.
httplib::Server::Handler command(std::shared_ptr<ControlApiState> state, std::string name,
                                 ParseCommand parse) {
  auto act = [parse](JsonObjectReader& args, ControlApiState& s) -> Answer {
    Action act = parse(args, s);
    return [act, &s] {
      act();
      return toJson(s.wall.status());
    };
  };
  return request(std::move(state), std::move(name), act,
                 [](const nlohmann::json& answer, ControlApiState&) {
                   return commandOutcome(wallStatusFromJson(answer));
                 });
}

ParseCommand plain(void (WallController::*method)()) {
  return [method](JsonObjectReader&, ControlApiState& state) -> Action {
    return [&state, method] { (state.wall.*method)(); };
  };
}

ParseCommand toggle(void (WallController::*method)(bool)) {
  return [method](JsonObjectReader& args, ControlApiState& state) -> Action {
    if (!args.has("on")) args.fail("on", "missing: say {\"on\": true} or {\"on\": false}");
    bool on = args.boolean("on", false);
    return [&state, method, on] { (state.wall.*method)(on); };
  };
}

Action goTo(JsonObjectReader& args, ControlApiState& state) {
  int cue = args.integer("cue", 1, std::numeric_limits<int>::max());
  int count = state.wall.status().cueCount;
  if (count == 0) throw CommandRefused(RefusalReason::Conflict, "no show is loaded");
  if (cue > count) {
    args.fail("cue", "cue " + std::to_string(cue) + " is out of range: the show has " +
                         std::to_string(count) + " cues");
  }
  return [&state, cue] { state.wall.goTo(cue - 1); };
}

Action seek(JsonObjectReader& args, ControlApiState& state) {
  // Past any cue's length, so "huge" is refused here and the cue's own
  // length is the controller's to check; JSON itself carries no NaN.
  constexpr double kLongestSeekSeconds = 1e9;
  double seconds = args.number("seconds", 0, kLongestSeekSeconds);
  return [&state, seconds] { state.wall.seek(seconds); };
}

Action load(JsonObjectReader& args, ControlApiState& state) {
  std::string source = vetShowSource(args.string("source"), state.settings.showFolders);
  return [&state, source] { state.wall.load(source); };
}

// {"node": ID} or {"all": true}, and how long: answered with the nodes asked.
Answer identify(JsonObjectReader& args, ControlApiState& state) {
  constexpr double kDefaultSeconds = 10;   // s: long enough to walk up to the wall and look
  constexpr double kLongestSeconds = 300;  // s: a technician aligning a panel
  double seconds = args.number("seconds", kDefaultSeconds, 1, kLongestSeconds);
  bool all = args.boolean("all", false);
  if (all == args.has("node"))
    args.fail("node", "say which: {\"node\": \"r1c2\"} or {\"all\": true}");
  std::vector<std::string> ids;
  if (all)
    for (const NodeHealth& node : state.wall.status().nodes) ids.push_back(node.id);
  else
    ids.push_back(args.string("node"));
  return [&state, ids, seconds] {
    return nlohmann::json{{"identifying", state.wall.identify(ids, seconds)}, {"seconds", seconds}};
  };
}

}  // namespace

void mountCommandRoutes(httplib::Server& server, const std::shared_ptr<ControlApiState>& state) {
  server.Post("/api/play", command(state, "play", plain(&WallController::play)));
  server.Post("/api/pause", command(state, "pause", plain(&WallController::pause)));
  server.Post("/api/resume", command(state, "resume", plain(&WallController::resume)));
  server.Post("/api/stop", command(state, "stop", plain(&WallController::stop)));
  server.Post("/api/next", command(state, "next", plain(&WallController::next)));
  server.Post("/api/previous", command(state, "previous", plain(&WallController::previous)));
  server.Post("/api/goto", command(state, "goto", goTo));
  server.Post("/api/seek", command(state, "seek", seek));
  server.Post("/api/load", command(state, "load", load));
  server.Post("/api/pattern", command(state, "pattern", toggle(&WallController::setTestPattern)));
  server.Post("/api/blank", command(state, "blank", toggle(&WallController::setBlank)));
  server.Post("/api/identify", request(state, "identify", identify));
}

}  // namespace hw
