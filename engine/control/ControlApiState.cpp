#include "engine/control/ControlApiState.h"

#include "engine/control/ApiReplies.h"
#include "engine/control/WallKey.h"

namespace hw {

bool ControlApiState::keyed(const httplib::Request& req) const {
  auto token = bearerToken(req.get_header_value("Authorization"));
  return token && wallKeysEqual(*token, settings.key);
}

bool ControlApiState::mayRead(const httplib::Request& req) const {
  return !settings.statusNeedsKey || keyed(req);
}

void refuseWithoutKey(httplib::Response& res) {
  res.set_header("WWW-Authenticate", "Bearer realm=\"hyperwall\"");
  replyError(res, 401, "wrong or missing wall key");
}

}  // namespace hw
