#include "engine/net/NodeCards.h"

#include "engine/net/HostNames.h"
#include "engine/net/SoftwareVersion.h"

namespace hw {
PanelCard standbyCard(const NodeFacts& view, const NodeSettings& settings,
                      const std::string& reason) {
  PanelCard card{settings.nodeId, {}, kStandbyCardBackground};
  if (view.welcomed) card.lines.push_back("wall " + view.wall.name);
  card.lines.push_back("waiting: " + reason);
  return card;
}

PanelCard identifyCard(const NodeFacts& view, const NodeSettings& settings) {
  PanelCard card{settings.nodeId, {}, kIdentifyCardBackground};
  card.lines.push_back("host " + thisHostName());
  if (!view.address.empty()) card.lines.push_back("address " + view.address);
  card.lines.push_back("display " + std::to_string(view.node.display) + ", column " +
                       std::to_string(view.node.col + 1) + " row " +
                       std::to_string(view.node.row + 1) + " of wall " + view.wall.name);
  card.lines.push_back("hyperwall " + softwareVersion());
  return card;
}

bool identifying(const NodeFacts& view, double masterNow) { return view.identifyUntil > masterNow; }

}  // namespace hw
