#include "engine/control/GuardedHttpServer.h"

#include <sys/socket.h>
#include <unistd.h>

#include "engine/control/ConnectionStream.h"
#include "engine/control/RequestHeadGate.h"

namespace hw {

// What exists while the server listens: the gate and the workers. httplib
// creates it as its task queue when listening starts and shuts it down when
// listening ends; every accepted socket passes straight to the gate.
class GuardedHttpServer::Listening : public httplib::TaskQueue {
 public:
  explicit Listening(GuardedHttpServer& server)
      : server_(server),
        workers_(server.limits_.workers),
        gate_(server.limits_, [this](HttpConnection connection) {
          workers_.enqueue([this, c = std::make_shared<HttpConnection>(std::move(connection))] {
            answer(std::move(*c));
          });
        }) {}

  // Runs on the listening thread: hands the socket over without blocking.
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {
    server_.listening_ = nullptr;
    gate_.stop();
    workers_.shutdown();
  }
  void admit(int fd) { gate_.admit(fd); }

 private:
  // One request on a worker; the connection goes back to the gate to wait for the next.
  void answer(HttpConnection connection) {
    const HttpLimits& limits = server_.limits_;
    ConnectionStream stream(connection.fd, std::move(connection.received), limits.ioTimeout);
    bool last = connection.answered + 1 >= limits.maxRequestsPerConnection;
    bool closed = false;
    bool ok = server_.process_request(stream, last, closed, nullptr);
    if (!ok || closed || last) return gate_.release(connection);
    connection.received = stream.takeUnread();
    ++connection.answered;
    gate_.readmit(std::move(connection));
  }

  GuardedHttpServer& server_;
  httplib::ThreadPool workers_;
  RequestHeadGate gate_;
};

GuardedHttpServer::GuardedHttpServer(HttpLimits limits, KeyAttempts::Log log)
    : limits_(limits), keyAttempts_(std::move(log)) {
  set_payload_max_length(limits_.maxBodyBytes);
  // SO_REUSEADDR only, so a restart binds despite TIME_WAIT; httplib's
  // default adds SO_REUSEPORT, which lets a second master share the port.
  set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  new_task_queue = [this] {
    auto* listening = new Listening(*this);
    listening_ = listening;
    return listening;
  };
}

GuardedHttpServer::~GuardedHttpServer() = default;

void GuardedHttpServer::setMaxBodyBytes(std::size_t bytes) {
  limits_.maxBodyBytes = bytes;
  set_payload_max_length(bytes);
}

bool GuardedHttpServer::process_and_close_socket(socket_t sock) {
  Listening* listening = listening_;
  if (!listening) {
    ::close(sock);
    return false;
  }
  listening->admit(sock);
  return true;
}

}  // namespace hw
