#include "engine/control/CommandLogLine.h"

#include "config/LogText.h"

namespace hw {
namespace {

constexpr std::size_t kMaxWordBytes = 80;  // bytes of one argument shown (a load's path)

std::string cueText(int index, int count, const std::string& title) {
  return "cue " + std::to_string(index + 1) + "/" + std::to_string(count) + " \"" +
         logSafe(title, kMaxWordBytes) + "\"";
}

}  // namespace

std::string requesterOf(const std::string& userAgent, const std::string& clientHeader,
                        const std::string& address) {
  std::string who = userAgent.rfind("hyperwall-ctl", 0) == 0 ? "ctl"
                    : clientHeader == "web remote"           ? "web"
                                                             : "api";
  return who + " " + logSafe(address, kMaxWordBytes);
}

std::string commandWords(const std::string& name, const nlohmann::json& body) {
  std::string words = name;
  for (const auto& [key, value] : body.items()) {
    if (key == "seconds" && name == "identify") continue;  // how long, not what
    if (value.is_boolean())
      words +=
          key == "on" ? (value.get<bool>() ? " on" : " off") : (value.get<bool>() ? " " + key : "");
    else if (value.is_string())
      words += " " + logSafe(value.get<std::string>(), kMaxWordBytes);
    else
      words += " " + logSafe(value.dump(), kMaxWordBytes);
  }
  return words;
}

std::string commandOutcome(const WallStatus& s) {
  if (s.scheduled) {
    const ScheduledChange& next = *s.scheduled;
    std::string state = playStateName(next.mode, next.finished);
    std::string text =
        next.cueIndex >= 0 ? cueText(next.cueIndex, s.cueCount, next.cueTitle) : state;
    if (next.cueIndex >= 0 && state != "playing") text += ", " + state;
    return text + " at " + next.localTime;
  }
  std::string state = playStateName(s.mode, s.finished);
  if (s.cueIndex < 0) return state;
  std::string text = cueText(s.cueIndex, s.cueCount, s.cueTitle) + ", " + state;
  if (s.blank) text += ", blanked";
  if (s.testPattern) text += ", test pattern";
  return text;
}

}  // namespace hw
