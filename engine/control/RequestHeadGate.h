#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/control/HttpLimits.h"

namespace hw {

// An accepted HTTP connection between two requests.
struct HttpConnection {
  int fd = -1;
  std::string address;       // the client's IP, for fairness between clients
  std::string received;      // bytes of the next request read so far
  std::size_t answered = 0;  // requests already answered on this connection
};

// Holds every connection on one thread (poll) until a whole request has
// arrived, head and body, and only then hands it to `dispatch`, so a client
// that trickles bytes holds a socket, not a worker thread. Enforces
// HttpLimits' head sizes and timeouts, replying 400/408/411/413/431 itself,
// and keeps at most maxConnections open: a new one pushes out the oldest
// waiting connection of the address that has the most.
class RequestHeadGate {
 public:
  // Called on the gate's thread with a connection whose next request is
  // complete in `received`; must not block. The callee answers it and then
  // calls readmit() or closes it with release().
  using Dispatch = std::function<void(HttpConnection)>;

  RequestHeadGate(HttpLimits limits, Dispatch dispatch);
  ~RequestHeadGate();
  RequestHeadGate(const RequestHeadGate&) = delete;
  RequestHeadGate& operator=(const RequestHeadGate&) = delete;

  // Takes a newly accepted socket; any thread.
  void admit(int fd);
  // Takes back a dispatched connection to wait for its next request; any thread.
  void readmit(HttpConnection connection);
  // Closes a dispatched connection; any thread.
  void release(HttpConnection& connection);
  // Closes every waiting connection and ends the thread; later admits close at once.
  void stop();

 private:
  struct Waiting;
  void run();
  void hand(HttpConnection connection);
  void wake();

  HttpLimits limits_;
  Dispatch dispatch_;
  std::mutex mutex_;  // guards incoming_, stopped_, open_
  std::vector<HttpConnection> incoming_;
  bool stopped_ = false;
  std::size_t open_ = 0;  // connections admitted and not yet closed
  int wakeFd_ = -1;       // eventfd: new connections or stop
  std::thread thread_;
};

}  // namespace hw
