#include <asio.hpp>
#include <iostream>
#include <memory>

#include "config/InputError.h"
#include "engine/cli/Commands.h"
#include "engine/cli/ExitStatus.h"
#include "engine/net/ControlChannel.h"
#include "engine/net/HelloCheck.h"
#include "engine/net/HostPort.h"
#include "engine/net/ShowState.h"

namespace hw::cli {
namespace {

struct RemoteOptions {
  std::string action;
  int cue = -1;
  std::string master = "127.0.0.1";
  std::string key;
  bool samples = false;
  double timeout = 5;
};

int runRemote(const RemoteOptions& options) {
  if (options.action != "status" && !commandKindNamed(options.action))
    throw InputError("action", "", "unknown action \"" + options.action +
                                       "\" (play, pause, resume, next, previous, goto, stop, status)");
  if (options.action == "goto" && options.cue < 0)
    throw InputError("goto", "", "needs the cue number to go to");
  HostPort master = parseHostPort(options.master, 7400, "--master");
  std::string key = options.key;
  if (key.empty())
    if (const char* env = std::getenv("HYPERWALL_KEY")) key = env;

  asio::io_context io;
  asio::ip::tcp::resolver resolver(io);
  asio::ip::tcp::socket socket(io);
  asio::connect(socket, resolver.resolve(master.host, std::to_string(master.port)));
  auto channel = std::make_shared<ControlChannel>(std::move(socket));
  int status = kExitFailure;
  std::string problem = "no answer from the master";
  channel->start(
      [&](const nlohmann::json& message) {
        std::string type = message.at("type").get<std::string>();
        if (type == "refused") {
          problem = "master refused: " + message.value("reason", "");
          channel->close("refused");
        } else if (type == "welcome") {
          if (options.action == "status")
            channel->send({{"type", "status_request"}, {"samples", options.samples}});
          else
            channel->send({{"type", "command"}, {"action", options.action}, {"cue", options.cue}});
        } else {
          std::cout << message.dump(2) << "\n";
          bool ok = type == "status" || message.value("ok", false);
          if (!ok) problem = message.value("message", "command failed");
          status = ok ? kExitOk : kExitFailure;
          channel->close("done");
        }
      },
      [&](const std::string&) { io.stop(); });
  channel->send(helloToJson({1, key, "control", "", "remote"}));
  io.run_for(std::chrono::milliseconds(static_cast<long>(options.timeout * 1000)));
  if (status != kExitOk) std::cerr << "hyperwall: " << problem << "\n";
  return status;
}

}  // namespace

void addRemoteCommand(CLI::App& root, Action& selected) {
  auto options = std::make_shared<RemoteOptions>();
  CLI::App* cmd = root.add_subcommand(
      "remote", "Send a show command to a running master, or print its sync status as JSON");
  cmd->add_option("action", options->action,
                  "play, pause, resume, next, previous, goto, stop or status")
      ->required();
  cmd->add_option("cue", options->cue, "Cue number for goto (0 = first)");
  cmd->add_option("--master", options->master, "Master HOST[:PORT]")->capture_default_str();
  cmd->add_option("--key", options->key, "Wall key (default: $HYPERWALL_KEY)");
  cmd->add_flag("--samples", options->samples, "status: include every clock-error sample");
  cmd->add_option("--timeout", options->timeout, "Seconds to wait for the master")
      ->capture_default_str();
  cmd->callback([&selected, options] { selected = [options] { return runRemote(*options); }; });
}

}  // namespace hw::cli
