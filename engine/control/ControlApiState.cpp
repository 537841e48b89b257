#include "engine/control/ControlApiState.h"

namespace hw {

KeyCheck ControlApiState::checkKey(const httplib::Request& req) const {
  return checkWallKey(keyAttempts, req, bearerKeyOf(req), settings.key);
}

bool ControlApiState::mayRead(const KeyCheck& check) const {
  return !settings.statusNeedsKey || check.granted();
}

}  // namespace hw
