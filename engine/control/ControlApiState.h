#pragma once

#include <httplib.h>

#include "engine/control/ControlSettings.h"
#include "engine/control/StateChangeSignal.h"
#include "engine/control/WallController.h"

namespace hw {

// What every route handler shares; held by shared_ptr so handlers and open
// streams stay valid however the ControlApi and the server are torn down.
struct ControlApiState {
  WallController& wall;
  ControlSettings settings;
  StateChangeSignal signal;

  // True when the request carries the wall key.
  bool keyed(const httplib::Request& req) const;
  // True when the request may read status: keyed, or status is open.
  bool mayRead(const httplib::Request& req) const;
};

// Replies 401 with a Bearer challenge.
void refuseWithoutKey(httplib::Response& res);

}  // namespace hw
