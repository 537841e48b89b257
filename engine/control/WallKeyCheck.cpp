#include "engine/control/WallKeyCheck.h"

#include "engine/control/ApiReplies.h"
#include "engine/control/WallKey.h"

namespace hw {

KeyCheck checkWallKey(KeyAttempts& attempts, const httplib::Request& req, const std::string& given,
                      const std::string& key) {
  KeyCheck check;
  if (given.empty()) return check;
  auto now = KeyAttempts::Clock::now();
  check.wait = attempts.waitFor(req.remote_addr, now);
  if (check.wait.count() > 0) {
    check.verdict = KeyCheck::Verdict::Waiting;
  } else if (wallKeysEqual(given, key)) {
    check.verdict = KeyCheck::Verdict::Granted;
    attempts.succeeded(req.remote_addr);
  } else {
    check.verdict = KeyCheck::Verdict::Wrong;
    attempts.failed(req.remote_addr, req.method + " " + req.path, now);
  }
  return check;
}

std::string bearerKeyOf(const httplib::Request& req) {
  return bearerToken(req.get_header_value("Authorization")).value_or("");
}

void refuseKey(httplib::Response& res, const KeyCheck& check) {
  if (check.verdict == KeyCheck::Verdict::Waiting) {
    res.set_header("Retry-After", std::to_string(check.wait.count()));
    return replyError(res, 429,
                      "too many wrong wall keys from this address; try again in " +
                          std::to_string(check.wait.count()) + " s");
  }
  res.set_header("WWW-Authenticate", "Bearer realm=\"hyperwall\"");
  replyError(res, 401, "wrong or missing wall key");
}

}  // namespace hw
