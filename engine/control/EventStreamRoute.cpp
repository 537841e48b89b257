#include <chrono>
#include <string>

#include "engine/control/ApiReplies.h"
#include "engine/control/ControlRoutes.h"

namespace hw {
namespace {

// One open stream: holds its admission slot for as long as httplib keeps the
// provider (copies included) alive, and remembers what it last sent.
struct EventStreamCursor {
  std::shared_ptr<ControlApiState> state;
  bool keyed;  // which slots it holds
  std::uint64_t sentCount = 0;
  bool sentFirst = false;

  EventStreamCursor(std::shared_ptr<ControlApiState> s, bool k) : state(std::move(s)), keyed(k) {}
  ~EventStreamCursor() { state->signal.closeStream(keyed); }
  EventStreamCursor(const EventStreamCursor&) = delete;
  EventStreamCursor& operator=(const EventStreamCursor&) = delete;
};

std::string statusEvent(ControlApiState& state, std::uint64_t id) {
  std::string data =
      toJson(state.wall.status()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return "id: " + std::to_string(id) + "\nevent: status\ndata: " + data + "\n\n";
}

// Sends the status now, then after every change, and at least every
// eventInterval so clock and skew figures keep moving on the remote.
bool sendNextEvent(EventStreamCursor& cursor, httplib::DataSink& sink) {
  ControlApiState& state = *cursor.state;
  if (cursor.sentFirst) {
    auto deadline = std::chrono::steady_clock::now() + state.settings.eventInterval;
    cursor.sentCount = state.signal.waitPast(cursor.sentCount, deadline);
  } else {
    cursor.sentCount = state.signal.count();
    cursor.sentFirst = true;
  }
  if (state.signal.closed()) return false;
  std::string event = statusEvent(state, cursor.sentCount);
  return sink.write(event.data(), event.size());
}

}  // namespace

void mountEventStreamRoute(httplib::Server& server, const std::shared_ptr<ControlApiState>& state) {
  server.Get("/api/events", [state](const httplib::Request& req, httplib::Response& res) {
    KeyCheck check = state->checkKey(req);
    if (!state->mayRead(check)) return refuseKey(res, check);
    // Clients without the key have slots of their own, so they cannot take the operators'.
    bool keyed = check.granted();
    int limit = keyed ? state->settings.maxEventStreams : state->settings.maxKeylessEventStreams;
    if (!state->signal.tryOpenStream(keyed, limit)) {
      return replyError(res, 503,
                        "too many event streams open (" + std::to_string(limit) +
                            (keyed ? " with" : " without") + " the wall key); try again later");
    }
    auto cursor = std::make_shared<EventStreamCursor>(state, keyed);
    res.set_header("Cache-Control", "no-store");
    res.set_chunked_content_provider(
        "text/event-stream",
        [cursor](std::size_t, httplib::DataSink& sink) { return sendNextEvent(*cursor, sink); });
  });
}

}  // namespace hw
