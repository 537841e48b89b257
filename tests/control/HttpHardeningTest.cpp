#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <mutex>

#include "tests/control/TestWall.h"
#include "tests/support/ChildProcess.h"
#include "tests/support/FreePort.h"
#include "tests/support/TempFolder.h"

namespace hw::test {
namespace {

using namespace std::chrono_literals;

// A plain TCP connection to the wall's HTTP port, for requests no HTTP client would send.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<unsigned short>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  // Sends all of `bytes`; false when the server stopped taking them.
  bool send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }
  // What arrives until the server closes, `until` appears, or 10 s pass.
  std::string receive(const std::string& until = "") {
    std::string got;
    auto deadline = std::chrono::steady_clock::now() + 10s;
    char buffer[4096];
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd entry{fd_, POLLIN, 0};
      if (::poll(&entry, 1, 100) <= 0) continue;
      ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      got.append(buffer, static_cast<std::size_t>(n));
      if (!until.empty() && got.find(until) != std::string::npos) break;
    }
    return got;
  }

 private:
  int fd_;
  bool connected_ = false;
};

std::string statusLine(const std::string& reply) { return reply.substr(0, reply.find("\r\n")); }

long residentKiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

TEST(HttpHardening, SixtyFourUnfinishedRequestsDoNotHoldUpStatus) {
  TestWall wall;
  // Each sends most of a request head and then nothing: httplib alone gave
  // each a worker thread until its read timeout, queueing everyone else.
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 64; ++i) {
    slow.push_back(std::make_unique<RawConnection>(wall.port()));
    ASSERT_TRUE(slow.back()->connected());
    ASSERT_TRUE(slow.back()->send("GET /api/status HTTP/1.1\r\nHost: wall\r\nX-Slow: "));
  }
  auto client = wall.client(false);
  client->set_read_timeout(3);
  auto reply = client->Get("/api/status");
  ASSERT_TRUE(reply) << httplib::to_string(reply.error());
  EXPECT_EQ(reply->status, 200);
}

TEST(HttpHardening, AnUnfinishedHeadIsAnsweredWith408) {
  TestWall wall;
  RawConnection slow(wall.port());
  ASSERT_TRUE(slow.send("GET /api/status HTTP/1.1\r\nX-Slow: "));
  // Default head timeout: 5 s, well inside receive()'s 10 s.
  EXPECT_EQ(statusLine(slow.receive()), "HTTP/1.1 408 Request Timeout");
}

TEST(HttpHardening, TooManyHeaderFieldsAre431) {
  TestWall wall;
  std::string request = "GET /api/status HTTP/1.1\r\n";
  for (int i = 0; i < 101; ++i) request += "X-Field-" + std::to_string(i) + ": x\r\n";
  RawConnection connection(wall.port());
  ASSERT_TRUE(connection.send(request + "\r\n"));
  std::string reply = connection.receive();
  EXPECT_EQ(statusLine(reply), "HTTP/1.1 431 Request Header Fields Too Large");
  EXPECT_NE(reply.find("more than 100 request header fields"), std::string::npos) << reply;
}

TEST(HttpHardening, AHundredKilobyteHeaderLineIs431WithAnHonestMessage) {
  TestWall wall;
  RawConnection connection(wall.port());
  connection.send("GET /api/status HTTP/1.1\r\nX-Long: " + std::string(100 * 1024, 'a') +
                  "\r\n\r\n");
  std::string reply = connection.receive();
  EXPECT_EQ(statusLine(reply), "HTTP/1.1 431 Request Header Fields Too Large");
  EXPECT_NE(reply.find("a request header line is longer than 8192 bytes"), std::string::npos)
      << reply;
}

TEST(HttpHardening, HeaderFloodsLeaveMemoryBounded) {
  TestWall wall;
  long before = residentKiB();
  // 8 requests of 10,000 headers of 8,000 bytes each (80 MB apiece, each line
  // under httplib's own 8 KiB line limit): httplib alone kept them all.
  std::string field = "X-Flood: " + std::string(7989, 'f') + "\r\n";
  std::vector<std::unique_ptr<RawConnection>> floods;
  for (int request = 0; request < 8; ++request) {
    floods.push_back(std::make_unique<RawConnection>(wall.port()));
    floods.back()->send("GET /api/status HTTP/1.1\r\n");
    for (int i = 0; i < 10000 && floods.back()->send(field); ++i) {
    }
  }
  long grown = residentKiB() - before;  // while every flood is still open
  EXPECT_LT(grown, 32 * 1024) << "KiB";
  auto reply = wall.client(false)->Get("/api/status");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
}

TEST(HttpHardening, KeylessEventStreamsCannotTakeTheOperatorsSlots) {
  TestWall wall;  // status open: streams need no key
  auto openStream = [&](bool keyed) {
    auto connection = std::make_unique<RawConnection>(wall.port());
    std::string auth = keyed ? std::string("Authorization: Bearer ") + TestWall::kKey + "\r\n" : "";
    connection->send("GET /api/events HTTP/1.1\r\nHost: wall\r\n" + auth + "\r\n");
    std::string head = connection->receive("\r\n\r\n");
    return std::make_pair(std::move(connection), statusLine(head));
  };
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 4; ++i) {
    auto [connection, status] = openStream(false);
    EXPECT_EQ(status, i < 2 ? "HTTP/1.1 200 OK" : "HTTP/1.1 503 Service Unavailable") << i;
    held.push_back(std::move(connection));
  }
  for (int i = 0; i < 4; ++i) {
    auto [connection, status] = openStream(true);
    EXPECT_EQ(status, "HTTP/1.1 200 OK") << i;
    held.push_back(std::move(connection));
  }
}

TEST(HttpHardening, WrongKeysAreLoggedOncePerAddressAndMadeToWait) {
  std::mutex mutex;
  std::vector<std::string> lines;
  TestWall wall(TestWall::defaultSettings(), TestWall::defaultWall(), [&](const std::string& line) {
    std::lock_guard lock(mutex);
    lines.push_back(line);
  });
  auto guesser = wall.client(false);
  guesser->set_bearer_token_auth("not-the-key");
  std::vector<int> statuses;
  for (int i = 0; i < 6; ++i) statuses.push_back(guesser->Post("/api/next")->status);
  // Three free guesses, the fourth locks the address for 1 s: the rest wait.
  EXPECT_EQ(statuses, (std::vector<int>{401, 401, 401, 401, 429, 429}));
  auto waiting = guesser->Post("/api/next");
  EXPECT_TRUE(waiting->has_header("Retry-After"));
  // The right key from the same address waits too, or guessing would not slow down.
  EXPECT_EQ(wall.client(true)->Post("/api/next")->status, 429);
  std::lock_guard lock(mutex);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("wrong wall key from 127.0.0.1 (POST /api/next)"), std::string::npos)
      << lines[0];
}

TEST(HttpHardening, AnOutOfRangeNumberIs400) {
  TestWall wall;
  auto reply = wall.client()->Post("/api/goto", R"({"cue": 1e400})", "application/json");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  EXPECT_NE(reply->body.find("1e400"), std::string::npos) << reply->body;
}

TEST(HttpHardening, ASecondMasterOnABusyHttpPortExitsWithOneLine) {
  TempFolder state("hyperwall-busy-port");
  int httpPort = freePort();
  auto masterArgs = [&](int port, const std::string& name) {
    return std::vector<std::string>{HYPERWALL_EXE,
                                    "master",
                                    HYPERWALL_SOURCE_DIR "/tests/data/net/show",
                                    "--bind",
                                    "127.0.0.1",
                                    "--port",
                                    std::to_string(port),
                                    "--http-port",
                                    std::to_string(httpPort),
                                    "--key",
                                    "busy-port-wall-key",
                                    "--state",
                                    (state.path() / name).string()};
  };
  ChildProcess first(masterArgs(freePort(), "first.json"));
  ASSERT_TRUE(first.waitForOutput("serving", 10s)) << first.stderrText();
  CommandResult second = runCommand(masterArgs(freePort(), "second.json"), {}, 20s);
  EXPECT_FALSE(second.timedOut) << "the second master shared the port";
  EXPECT_EQ(second.exitStatus, 1);
  std::string last = second.err.substr(second.err.rfind('\n', second.err.size() - 2) + 1);
  EXPECT_EQ(last, "hyperwall: cannot listen on HTTP port " + std::to_string(httpPort) +
                      " at 127.0.0.1: in use (another master?) or not a local address\n")
      << second.err;
}

}  // namespace
}  // namespace hw::test
