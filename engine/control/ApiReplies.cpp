#include "engine/control/ApiReplies.h"

namespace hw {

void replyJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  // Replace: invalid UTF-8 in a show title must not turn a reply into an exception.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

void replyError(httplib::Response& res, int status, const std::string& message) {
  replyJson(res, status, {{"error", message}});
}

int httpStatusFor(RefusalReason reason) {
  switch (reason) {
    case RefusalReason::NotFound:
      return 404;
    case RefusalReason::Forbidden:
      return 403;
    case RefusalReason::Conflict:
      return 409;
    case RefusalReason::Busy:
      return 503;
    case RefusalReason::BadRequest:
      break;
  }
  return 400;
}

}  // namespace hw
