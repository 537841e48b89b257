#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "engine/control/WallController.h"

namespace hw {

// Every control reply is JSON; errors are {"error": "one line"}.
void replyJson(httplib::Response& res, int status, const nlohmann::json& body);
void replyError(httplib::Response& res, int status, const std::string& message);

// 400 / 403 / 404 / 409 / 503 for what a controller refused.
int httpStatusFor(RefusalReason reason);

}  // namespace hw
