#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "config/WallConfigLoader.h"
#include "engine/cli/CaptureSummary.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "engine/cli/MasterClient.h"
#include "engine/cli/MasterLookup.h"
#include "engine/cli/ScheduleText.h"
#include "engine/cli/StatusTable.h"
#include "engine/control/CaptureInstant.h"
#include "engine/control/CueTimeText.h"
#include "engine/control/WallKey.h"
#include "engine/control/WallKeyFile.h"
#include "engine/net/MasterAddress.h"

namespace hw::cli {
namespace {

struct CtlOptions {
  std::string
      master;  // HOST, HOST:PORT or http://HOST:PORT (MasterAddress.h); "": masterUrl finds it
  std::string wall = kSystemWallFile;  // names the wall to look for without --master
  bool wallGiven = false;
  std::string key;
  bool json = false;
};

// One thing to ask the master: a route, its method and its body.
struct CtlRequest {
  std::string path;
  bool post = true;
  nlohmann::json body = nlohmann::json::object();
  std::string screenshotFile;  // set for `screenshot FILE`
  std::string screenshotAt;    // `screenshot FILE --at T`: the instant as given ("": none)
  bool follow = false;         // `log --follow`: keep printing new events
};

// The master answered 400: what was asked is wrong (a cue or a time the show
// does not have), bad input like a malformed argument, so exit status 2.
class RequestRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws with the master's own words when it said no.
void requireSuccess(const MasterClient& client, const MasterReply& reply) {
  if (reply.status == 401) {
    throw std::runtime_error("master " + client.url() + " refused: wrong or missing wall key");
  }
  if (reply.status >= 200 && reply.status < 300) return;
  std::string why = "HTTP " + std::to_string(reply.status);
  auto error = nlohmann::json::parse(reply.body, nullptr, false);
  if (error.is_object() && error.contains("error") && error["error"].is_string()) {
    why = error["error"].get<std::string>();
  }
  std::string line = "master " + client.url() + " refused: " + why;
  if (reply.status == 400) throw RequestRefused(line);
  throw std::runtime_error(line);
}

WallStatus statusOf(const MasterClient& client, const MasterReply& reply) {
  try {
    return wallStatusFromJson(nlohmann::json::parse(reply.body));
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error("master " + client.url() +
                             " sent a status this client cannot read: " + e.what());
  }
}

// With `--at`, the master's summary of what each node captured follows, as
// one line per node (or its JSON with --json).
int saveScreenshot(const MasterReply& reply, const CtlRequest& request, bool json) {
  if (reply.contentType != "image/png") {
    throw std::runtime_error("the master sent " + reply.contentType + ", not a PNG");
  }
  std::string summary;
  nlohmann::json capture;
  if (!request.screenshotAt.empty()) {
    auto header = reply.headers.find("x-hyperwall-capture");
    if (header == reply.headers.end())
      throw std::runtime_error(
          "the master sent no X-Hyperwall-Capture: is it older than this ctl?");
    capture = nlohmann::json::parse(header->second, nullptr, false);
    summary = formatCaptureSummary(capture);
  }
  const std::string& file = request.screenshotFile;
  std::ofstream out(file, std::ios::binary);
  out.write(reply.body.data(), static_cast<std::streamsize>(reply.body.size()));
  if (!out.flush()) throw std::runtime_error("cannot write " + file);
  std::cout << "wrote " << file << " (" << reply.body.size() << " bytes)\n";
  if (json && !summary.empty())
    std::cout << capture.dump(2) << "\n";
  else
    std::cout << summary;
  return kExitOk;
}

int printSchedule(const MasterClient& client, const MasterReply& reply, bool json) {
  nlohmann::json document = nlohmann::json::parse(reply.body, nullptr, false);
  if (json) {
    std::cout << document.dump(2) << "\n";
    return kExitOk;
  }
  try {
    std::cout << formatScheduleReport(scheduleReportFromJson(document));
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error("master " + client.url() +
                             " sent a schedule this client cannot read: " + e.what());
  }
  return kExitOk;
}

int printIdentifying(const MasterReply& reply, bool json) {
  nlohmann::json answer = nlohmann::json::parse(reply.body, nullptr, false);
  if (json) {
    std::cout << answer.dump(2) << "\n";
    return kExitOk;
  }
  std::string ids;
  for (const auto& id : answer.value("identifying", nlohmann::json::array()))
    if (id.is_string()) ids += (ids.empty() ? "" : ", ") + id.get<std::string>();
  std::cout << "identifying " << ids << " for " << answer.value("seconds", 0.0) << " s\n";
  return kExitOk;
}

// The wall's log, a line per event: "14:02:11 next by web 10.0.0.23: cue 3/7 ...".
// With --follow, new events as they come, until interrupted.
int printLog(const MasterClient& client, MasterReply reply, bool json, bool follow) {
  constexpr auto kFollowEvery = std::chrono::seconds(1);
  std::uint64_t last = 0;
  for (;;) {
    nlohmann::json document = nlohmann::json::parse(reply.body, nullptr, false);
    if (!document.is_object() || !document.contains("events") || !document["events"].is_array())
      throw std::runtime_error("master " + client.url() + " sent a log this client cannot read");
    for (const auto& event : document["events"]) {
      last = std::max(last, event.value("seq", std::uint64_t{0}));
      if (json)
        std::cout << event.dump() << "\n";
      else
        std::cout << event.value("clock", "").substr(0, 8) << " " << event.value("text", "") << "\n";
    }
    std::cout.flush();
    if (!follow) return kExitOk;
    std::this_thread::sleep_for(kFollowEvery);  // the master has no push for the log: ask again
    reply = client.get("/api/log?after=" + std::to_string(last));
    requireSuccess(client, reply);
  }
}

// The control API's URL: --master (or $HYPERWALL_MASTER), else the master of
// the wall file (findMaster: DNS-SD, else its "master"), else this machine's.
std::string masterUrl(const CtlOptions& options) {
  if (!options.master.empty()) return parseMasterAddress(options.master, "--master").httpUrl;
  if (!options.wallGiven && !std::filesystem::exists(options.wall))
    return parseMasterAddress("127.0.0.1", "--master").httpUrl;
  WallConfig wall = loadWallConfig(options.wall);
  auto say = [](const std::string& line) { std::cerr << "hyperwall: " << line << "\n"; };
  return findMaster(wall, options.wall, {false, nullptr, say, {}})->httpUrl;
}

int runCtl(const CtlOptions& options, const CtlRequest& request) {
  MasterClient client(masterUrl(options), clientWallKey(options.key));
  MasterReply reply =
      request.post ? client.post(request.path, request.body) : client.get(request.path);
  try {
    requireSuccess(client, reply);
  } catch (const RequestRefused& e) {
    std::cerr << "hyperwall: " << e.what() << "\n";
    return kExitUsage;
  }
  if (!request.screenshotFile.empty()) return saveScreenshot(reply, request, options.json);
  if (request.path == "/api/schedule") return printSchedule(client, reply, options.json);
  if (request.path == "/api/identify") return printIdentifying(reply, options.json);
  if (request.path == "/api/log") return printLog(client, reply, options.json, request.follow);
  WallStatus status = statusOf(client, reply);
  if (options.json) {
    std::cout << nlohmann::json::parse(reply.body).dump(2) << "\n";
  } else if (request.path == "/api/status") {
    std::cout << formatStatusTable(status);
  } else {
    std::cout << formatStatusLine(status) << "\n";
  }
  return kExitOk;
}

// `goto N`: a whole number from 1, as operators count cues.
int cueNumber(const std::string& text) {
  constexpr int kMaxCue = 999999;
  bool digits = !text.empty() && text.size() <= 6 &&
                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  int number = digits ? std::stoi(text) : 0;
  if (number < 1 || number > kMaxCue)
    throw CLI::ValidationError("hyperwall ctl goto: \"" + text +
                               "\" is not a cue number (1 is the first cue, as in `ctl status`)");
  return number;
}

// `seek T`: a time inside the current cue, as operators write it.
double cueTime(const std::string& text) {
  std::optional<double> seconds = parseCueTime(text);
  if (!seconds)
    throw CLI::ValidationError(
        "hyperwall ctl seek: \"" + text +
        "\" is not a time in the cue (SS, SS.s, M:SS or H:MM:SS, e.g. 1:23)");
  return *seconds;
}

// `screenshot --at T`: the instant as the query carries it ("+" encoded).
std::string captureQuery(const std::string& text) {
  if (!parseCaptureInstant(text))
    throw CLI::ValidationError("hyperwall ctl screenshot: --at \"" + text +
                               "\" is no instant (master seconds, e.g. 1795532601.5, or +S "
                               "seconds from now, e.g. +0.5)");
  return text.front() == '+' ? "%2B" + text.substr(1) : text;
}

// `identify NODE` or `identify --all`, one of them.
struct IdentifyOptions {
  std::string node;
  bool all = false;
  double seconds = 10;  // s the card stays up
};

nlohmann::json identifyBody(const IdentifyOptions& identify) {
  if (identify.all == !identify.node.empty())
    throw CLI::ValidationError("hyperwall ctl identify: name one node (e.g. r1c2) or say --all");
  nlohmann::json body{{"seconds", identify.seconds}};
  if (identify.all)
    body["all"] = true;
  else
    body["node"] = identify.node;
  return body;
}

}  // namespace

void addCtlCommand(CLI::App& root, Action& selected) {
  auto options = std::make_shared<CtlOptions>();
  CLI::App* ctl = root.add_subcommand("ctl", "Control a running wall over the LAN (docs/api.md)");
  // At most one command; a missing or unknown one is refused below with the
  // list of commands rather than with the parser's generic words.
  ctl->require_subcommand(0, 1);
  ctl->fallthrough();  // `ctl status --json` as well as `ctl --json status`
  auto unknown = std::make_shared<std::vector<std::string>>();
  ctl->add_option("words", *unknown)->group("");  // hidden: words that name no command
  ctl->add_option("--master", options->master,
                  "The master: HOST, HOST:PORT (its --port; HTTP port 8700) or http://HOST:PORT "
                  "(its --http-port); default: the master announcing the --wall file's \"name\" "
                  "through DNS-SD (Avahi), else its \"master\"; without the file 127.0.0.1")
      ->envname("HYPERWALL_MASTER");
  ctl->add_option("--wall", options->wall,
                  "Wall file naming the wall (and its \"master\"), read without --master")
      ->capture_default_str();
  ctl->add_option("--key", options->key,
                  "Wall key (else $HYPERWALL_KEY, else the key file in $HYPERWALL_STATE)");
  ctl->add_flag("--json", options->json, "Print the master's JSON reply");

  auto request = std::make_shared<CtlRequest>();
  auto add = [&](const std::string& name, const std::string& help, const std::string& path,
                 bool post) {
    CLI::App* sub = ctl->add_subcommand(name, help);
    sub->callback([&selected, options, request, path, post] {
      request->path = path;
      request->post = post;
      selected = [options, request] { return runCtl(*options, *request); };
    });
    return sub;
  };
  add("status", "Show the show, the cue and every node's health", "/api/status", false);
  add("play", "Play from the selected or first cue", "/api/play", true);
  add("pause", "Pause the current cue", "/api/pause", true);
  add("resume", "Resume a paused cue", "/api/resume", true);
  add("stop", "Stop the show; the wall goes dark", "/api/stop", true);
  add("next", "Go to the next cue", "/api/next", true);
  add("prev", "Go to the previous cue", "/api/previous", true);

  auto cue = std::make_shared<std::string>();
  add("goto", "Go to cue N (1 = first)", "/api/goto", true)
      ->add_option("N", *cue, "Cue number, 1-based")
      ->required();
  auto time = std::make_shared<std::string>();
  add("seek", "Jump to a time inside the current cue, playing or paused as it is", "/api/seek",
      true)
      ->add_option("TIME", *time, "Time into the cue: SS, SS.s, M:SS or H:MM:SS (1:23 = 83 s)")
      ->required();
  auto source = std::make_shared<std::string>();
  add("load", "Load a show: folder or .hwshow path on the master, .hwshow URL, SVS page id or URL",
      "/api/load", true)
      ->add_option("SRC", *source, "What to load")
      ->required();
  auto pattern = std::make_shared<std::string>();
  add("pattern", "Show or hide the test pattern", "/api/pattern", true)
      ->add_option("on|off", *pattern)
      ->required()
      ->check(CLI::IsMember({"on", "off"}));
  auto blank = std::make_shared<std::string>();
  add("blank", "Blank the wall or bring the show back", "/api/blank", true)
      ->add_option("on|off", *blank)
      ->required()
      ->check(CLI::IsMember({"on", "off"}));
  CLI::App* screenshot =
      add("screenshot", "Save a PNG of the whole wall", "/api/screenshot.png", false);
  screenshot->add_option("FILE", request->screenshotFile, "Where to write the PNG")->required();
  screenshot->add_option(
      "--at", request->screenshotAt,
      "Every display at one instant: master seconds, or +S seconds from now (+0.5); prints "
      "what each node captured (its cue and movie frame)");

  auto identify = std::make_shared<IdentifyOptions>();
  CLI::App* identifyCommand =
      add("identify",
          "Show a node's id, host, address, display and version large on its panel for a while",
          "/api/identify", true);
  identifyCommand->add_option("NODE", identify->node, "The node's id (e.g. r1c2)");
  identifyCommand->add_flag("--all", identify->all, "Every node of the wall at once");
  identifyCommand
      ->add_option("--seconds", identify->seconds, "How long the card stays up (s, 1-300)")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 300.0));

  add("log", "Show the wall's log: who asked what, what the wall did, nodes' errors", "/api/log",
      false)
      ->add_flag("--follow,-f", request->follow, "Keep printing new events as they come");

  add("schedule", "Show the opening hours: open or closed now, today's slots, the next change",
      "/api/schedule", false);

  // Arguments are read once parsing is done, whichever subcommand ran.
  ctl->final_callback([ctl, options, unknown, request, cue, time, source, pattern, blank,
                       identify] {
    options->wallGiven = ctl->count("--wall") > 0;
    const std::vector<std::string>& extra = *unknown;
    if (request->path.empty() || !extra.empty()) {
      std::string names;
      for (const CLI::App* command : ctl->get_subcommands({}))
        names += (names.empty() ? "" : ", ") + command->get_name();
      if (extra.empty())
        throw CLI::ValidationError("hyperwall ctl: say what to do (" + names + ")");
      const std::string& first = extra.front();
      throw CLI::ValidationError(
          request->path.empty() ? "hyperwall ctl: unknown command \"" + first + "\" (" + names + ")"
                                : "hyperwall ctl: unexpected \"" + first + "\" after the command");
    }
    if (request->path == "/api/goto") request->body = {{"cue", cueNumber(*cue)}};
    if (request->path == "/api/seek") request->body = {{"seconds", cueTime(*time)}};
    if (request->path == "/api/load") request->body = {{"source", *source}};
    if (request->path == "/api/pattern") request->body = {{"on", *pattern == "on"}};
    if (request->path == "/api/blank") request->body = {{"on", *blank == "on"}};
    if (request->path == "/api/identify") request->body = identifyBody(*identify);
    if (!request->screenshotAt.empty())
      request->path += "?at=" + captureQuery(request->screenshotAt);
  });
}

}  // namespace hw::cli
