#pragma once

#include <httplib.h>

#include <memory>

#include "engine/control/ControlApiState.h"

namespace hw {

// The API's route groups; ControlApi mounts them all (docs/api.md).
void mountCommandRoutes(httplib::Server& server, const std::shared_ptr<ControlApiState>& state);
void mountReadRoutes(httplib::Server& server, const std::shared_ptr<ControlApiState>& state);
void mountEventStreamRoute(httplib::Server& server, const std::shared_ptr<ControlApiState>& state);
void mountWebRemoteRoutes(httplib::Server& server);

}  // namespace hw
