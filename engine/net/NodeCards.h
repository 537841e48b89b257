#pragma once

#include <string>

#include "engine/net/NodeFacts.h"
#include "engine/net/NodeSettings.h"
#include "engine/render/PanelCard.h"

namespace hw {

constexpr Color kStandbyCardBackground{20, 22, 30};
constexpr Color kIdentifyCardBackground{0, 84, 190};  // a strong blue no show picture is taken for

// The standby screen: the node's id, its wall once it knows it, and what it
// is waiting for (`reason`, as standbyReason gives it).
PanelCard standbyCard(const NodeFacts& view, const NodeSettings& settings,
                      const std::string& reason);

// The identify card (`ctl identify`): id, host, address, display and
// software version, on a colour no show picture is mistaken for.
PanelCard identifyCard(const NodeFacts& view, const NodeSettings& settings);

// Whether the identify card is up at master time `masterNow`.
bool identifying(const NodeFacts& view, double masterNow);

}  // namespace hw
