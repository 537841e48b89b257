#include "engine/control/RequestHeadGate.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "engine/control/ConnectionStream.h"
#include "engine/control/RequestHeadScan.h"

namespace hw {
namespace {

using Clock = std::chrono::steady_clock;

// After a refusal the client may still be sending; reading it a little longer
// lets the reply arrive instead of a reset.
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr std::size_t kLingerBytes = 4 << 20;  // bytes read and dropped at most while lingering

const char* reasonPhrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 408:
      return "Request Timeout";
    case 411:
      return "Length Required";
    case 413:
      return "Payload Too Large";
    case 431:
      return "Request Header Fields Too Large";
    default:
      return "Service Unavailable";
  }
}

// The API's error shape ({"error": ...}); `problem` is the gate's own text.
void sendRefusal(int fd, int status, const std::string& problem) {
  std::string body = "{\"error\":\"" + problem + "\"}";
  std::string reply =
      "HTTP/1.1 " + std::to_string(status) + " " + reasonPhrase(status) +
      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
      "\r\nConnection: close\r\n\r\n" + body;
  (void)::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(fd, SHUT_WR);
}

}  // namespace

struct RequestHeadGate::Waiting {
  HttpConnection connection;
  Clock::time_point since;     // when it came to the gate; the oldest is pushed out first
  Clock::time_point deadline;  // idle, head or linger deadline, whichever applies now
  bool started = false;        // bytes of the next request have arrived
  bool lingering = false;      // refused: reading and dropping until closed
  std::size_t lingerLeft = kLingerBytes;
};

RequestHeadGate::RequestHeadGate(HttpLimits limits, Dispatch dispatch)
    : limits_(limits),
      dispatch_(std::move(dispatch)),
      wakeFd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (wakeFd_ < 0) throw std::runtime_error("cannot create an eventfd for the HTTP gate");
  thread_ = std::thread([this] { run(); });
}

RequestHeadGate::~RequestHeadGate() {
  stop();
  ::close(wakeFd_);
}

void RequestHeadGate::admit(int fd) {
  HttpConnection connection;
  connection.fd = fd;
  connection.address = peerEnd(fd).ip;
  {
    std::lock_guard lock(mutex_);
    if (stopped_) {
      ::close(fd);
      return;
    }
    ++open_;
  }
  hand(std::move(connection));
}

void RequestHeadGate::readmit(HttpConnection connection) { hand(std::move(connection)); }

void RequestHeadGate::hand(HttpConnection connection) {
  {
    std::lock_guard lock(mutex_);
    if (!stopped_) {
      incoming_.push_back(std::move(connection));
      wake();
      return;
    }
  }
  release(connection);
}

void RequestHeadGate::release(HttpConnection& connection) {
  if (connection.fd < 0) return;
  ::shutdown(connection.fd, SHUT_RDWR);
  ::close(connection.fd);
  connection.fd = -1;
  std::lock_guard lock(mutex_);
  --open_;
}

void RequestHeadGate::wake() {
  std::uint64_t one = 1;
  (void)::write(wakeFd_, &one, sizeof one);
}

void RequestHeadGate::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    stopped_ = true;
    wake();
  }
  if (thread_.joinable()) thread_.join();
  for (auto& connection : incoming_) release(connection);
  incoming_.clear();
}

void RequestHeadGate::run() {
  std::vector<Waiting> waiting;
  std::vector<pollfd> polled;
  std::vector<char> chunk(16 * 1024);

  auto close = [&](std::size_t i) {
    release(waiting[i].connection);
    waiting[i] = std::move(waiting.back());
    waiting.pop_back();
  };
  auto refuse = [&](Waiting& w, int status, const std::string& problem) {
    sendRefusal(w.connection.fd, status, problem);
    w.lingering = true;
    w.deadline = Clock::now() + kLingerTime;
  };
  // Dispatches, refuses or keeps waiting; false when the gate no longer holds it.
  auto judge = [&](Waiting& w) {
    RequestHeadScan scan = scanRequestHead(w.connection.received, limits_);
    using Verdict = RequestHeadScan::Verdict;
    if (scan.verdict == Verdict::TooLarge) return refuse(w, 431, scan.problem), true;
    if (scan.verdict == Verdict::Malformed) return refuse(w, 400, scan.problem), true;
    if (scan.verdict == Verdict::Incomplete) return true;
    if (scan.chunked) return refuse(w, 411, "send the body with a Content-Length"), true;
    if (scan.bodyBytes > limits_.maxBodyBytes) {
      return refuse(
                 w, 413,
                 "request body is larger than " + std::to_string(limits_.maxBodyBytes) + " bytes"),
             true;
    }
    if (w.connection.received.size() < scan.headBytes + scan.bodyBytes) return true;
    dispatch_(std::move(w.connection));
    return false;
  };

  for (;;) {
    std::vector<HttpConnection> arrived;
    {
      std::lock_guard lock(mutex_);
      if (stopped_) break;
      arrived.swap(incoming_);
    }
    auto now = Clock::now();
    for (auto& connection : arrived) {
      Waiting w{std::move(connection), now, now + limits_.idleTimeout};
      if (!w.connection.received.empty()) {  // a pipelined request
        w.started = true;
        w.deadline = now + limits_.headTimeout;
        if (!judge(w)) continue;
      }
      waiting.push_back(std::move(w));
    }
    // Over the limit: the address holding the most waiting connections loses its oldest.
    for (;;) {
      {
        std::lock_guard lock(mutex_);
        if (open_ <= limits_.maxConnections || waiting.empty()) break;
      }
      std::map<std::string, std::size_t> perAddress;
      for (const auto& w : waiting) ++perAddress[w.connection.address];
      auto busiest = std::max_element(perAddress.begin(), perAddress.end(),
                                      [](auto& a, auto& b) { return a.second < b.second; });
      std::size_t oldest = waiting.size();
      for (std::size_t i = 0; i < waiting.size(); ++i) {
        if (waiting[i].connection.address != busiest->first) continue;
        if (oldest == waiting.size() || waiting[i].since < waiting[oldest].since) oldest = i;
      }
      close(oldest);
    }

    polled.assign(1, pollfd{wakeFd_, POLLIN, 0});
    auto next = now + std::chrono::hours(1);
    for (const auto& w : waiting) {
      polled.push_back(pollfd{w.connection.fd, POLLIN, 0});
      next = std::min(next, w.deadline);
    }
    auto wait = std::chrono::ceil<std::chrono::milliseconds>(next - now).count();
    ::poll(polled.data(), polled.size(), static_cast<int>(std::max<long long>(wait, 0)));
    if (polled[0].revents) {
      std::uint64_t count;
      (void)::read(wakeFd_, &count, sizeof count);
    }

    now = Clock::now();
    // Walk backwards: close() moves the last entry into the closed one's place.
    for (std::size_t i = waiting.size(); i-- > 0;) {
      Waiting& w = waiting[i];
      if (polled[i + 1].revents != 0) {
        std::size_t room =
            limits_.maxHeadBytes + limits_.maxBodyBytes - w.connection.received.size();
        std::size_t want = w.lingering ? chunk.size() : std::min(chunk.size(), room);
        ssize_t got = want == 0 ? 0 : ::recv(w.connection.fd, chunk.data(), want, MSG_DONTWAIT);
        if (got <= 0) {
          close(i);
          continue;
        }
        if (w.lingering) {
          w.lingerLeft -= std::min(w.lingerLeft, static_cast<std::size_t>(got));
          if (w.lingerLeft == 0) close(i);
          continue;
        }
        if (!w.started) {
          w.started = true;
          w.deadline = now + limits_.headTimeout;
        }
        w.connection.received.append(chunk.data(), static_cast<std::size_t>(got));
        if (!judge(w)) {
          waiting[i] = std::move(waiting.back());
          waiting.pop_back();
          continue;
        }
      }
      if (now < w.deadline) continue;
      if (w.started && !w.lingering) {
        sendRefusal(
            w.connection.fd, 408,
            "request not complete within " + std::to_string(limits_.headTimeout.count()) + " ms");
      }
      close(i);
    }
  }
  for (std::size_t i = waiting.size(); i-- > 0;) close(i);
}

}  // namespace hw
