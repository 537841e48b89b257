#include "engine/net/FetchFailure.h"

#include <algorithm>

namespace hw {
namespace {

constexpr std::size_t kMaxText = 300;  // characters of a name or error the master keeps

std::string line(const nlohmann::json& entry, const char* key) {
  auto it = entry.find(key);
  if (it == entry.end() || !it->is_string()) return "";
  std::string text = it->get<std::string>().substr(0, kMaxText);
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

const FetchFailure* findFile(const std::vector<FetchFailure>& list, const FetchFailure& file) {
  for (const FetchFailure& f : list)
    if (f.sha256 == file.sha256 && f.name == file.name) return &f;
  return nullptr;
}

}  // namespace

nlohmann::json failuresToJson(const std::vector<FetchFailure>& failing) {
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = 0; i < failing.size() && i < kFailingReported; ++i)
    list.push_back({{"name", failing[i].name},
                    {"sha256", failing[i].sha256},
                    {"error", failing[i].error},
                    {"attempts", failing[i].attempts}});
  return list;
}

std::vector<FetchFailure> failuresFromJson(const nlohmann::json& list) {
  std::vector<FetchFailure> failing;
  if (!list.is_array()) return failing;
  for (const nlohmann::json& entry : list) {
    if (failing.size() == kFailingReported) break;
    if (!entry.is_object()) continue;
    FetchFailure f{line(entry, "name"), line(entry, "sha256"), line(entry, "error"), 0};
    if (f.name.empty()) continue;
    auto attempts = entry.find("attempts");
    if (attempts != entry.end() && attempts->is_number_integer()) f.attempts = attempts->get<int>();
    failing.push_back(std::move(f));
  }
  return failing;
}

std::vector<std::string> failureChangeLines(const std::string& node,
                                            const std::vector<FetchFailure>& before,
                                            const std::vector<FetchFailure>& now) {
  std::vector<std::string> lines;
  for (const FetchFailure& f : now) {
    const FetchFailure* was = findFile(before, f);
    if (!was || was->error != f.error)
      lines.push_back("node " + node + " cannot fetch " + f.name + ": " + f.error + " (attempt " +
                      std::to_string(f.attempts) + ", retrying)");
  }
  for (const FetchFailure& f : before)
    if (!findFile(now, f)) lines.push_back("node " + node + ": " + f.name + " no longer failing");
  return lines;
}

}  // namespace hw
