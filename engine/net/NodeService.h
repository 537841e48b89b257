#pragma once

#include <atomic>

#include "engine/net/NodeSettings.h"
#include "engine/net/Presenter.h"

namespace hw {

// One render node: joins the master, keeps its clock estimate and show state
// current (NodeLink, on a network thread), and on this thread presents each
// cue change on the frame that covers its master time. Returns an exit
// status when the master refuses it or `stopRequested` becomes true.
int runNode(const NodeSettings& settings, Presenter& presenter, const std::atomic<bool>& stopRequested);

}  // namespace hw
