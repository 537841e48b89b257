#include "config/NodeForHost.h"

#include <algorithm>
#include <cctype>

#include "config/InputError.h"
#include "config/LogText.h"

namespace hw {
namespace {

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool isAddress(const std::string& name) {
  return name.find(':') != std::string::npos ||
         std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return std::isdigit(c) || c == '.'; });
}

// "wall-3" names "wall-3.museum.lan": a wall file may give either form, and
// gethostname() returns either depending on how the PC was set up.
bool sameHost(const std::string& configured, const std::string& name) {
  std::string a = lowercase(configured);
  std::string b = lowercase(name);
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  if (isAddress(a) || isAddress(b)) return false;
  bool aShort = a.find('.') == std::string::npos;
  bool bShort = b.find('.') == std::string::npos;
  if (aShort == bShort) return false;
  const std::string& shortName = aShort ? a : b;
  const std::string& longName = aShort ? b : a;
  return longName.compare(0, shortName.size() + 1, shortName + ".") == 0;
}

}  // namespace

const NodeConfig& nodeForHost(const WallConfig& wall, const std::string& file,
                              const std::vector<std::string>& hostNames,
                              std::optional<int> display) {
  std::string host = hostNames.empty() ? std::string() : hostNames.front();
  std::vector<const NodeConfig*> matches;
  for (const NodeConfig& node : wall.nodes) {
    if (!node.active || (display && node.display != *display)) continue;
    if (std::any_of(hostNames.begin(), hostNames.end(),
                    [&node](const std::string& name) { return sameHost(node.host, name); }))
      matches.push_back(&node);
  }
  std::string which = "host \"" + logSafe(host) + "\"" +
                      (display ? " and display " + std::to_string(*display) : std::string());
  if (matches.empty())
    throw InputError(file, "/nodes",
                     "no active node has " + which + " (set its \"host\", or give --id)");
  if (matches.size() > 1) {
    std::string ids;
    for (const NodeConfig* node : matches)
      ids +=
          (ids.empty() ? "" : ", ") + node->id + " (display " + std::to_string(node->display) + ")";
    throw InputError(file, "/nodes",
                     "several nodes have " + which + ": " + ids + "; give --display or --id");
  }
  return *matches.front();
}

}  // namespace hw
