#pragma once

#include <httplib.h>

#include "engine/control/ControlSettings.h"
#include "engine/control/KeyAttempts.h"
#include "engine/control/OperatorLog.h"
#include "engine/control/StateChangeSignal.h"
#include "engine/control/WallController.h"
#include "engine/control/WallKeyCheck.h"

namespace hw {

// What every route handler shares; held by shared_ptr so handlers and open
// streams stay valid however the ControlApi and the server are torn down.
struct ControlApiState {
  WallController& wall;
  ControlSettings settings;
  KeyAttempts& keyAttempts;  // the server's, shared with the asset routes
  StateChangeSignal signal;
  OperatorLog log;

  // The request's wall key (Authorization: Bearer), wrong ones counted.
  KeyCheck checkKey(const httplib::Request& req) const;
  // True when a request with this key may read status: keyed, or status is open.
  bool mayRead(const KeyCheck& check) const;
};

}  // namespace hw
