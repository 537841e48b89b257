// The netem relay the sync benchmark and the wall tests route nodes through:
// whatever it does to timing, a TCP stream (the control channel, an asset
// download checked against its sha256) must arrive whole and in order.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <asio.hpp>
#include <memory>
#include <random>
#include <string>
#include <thread>

#include "engine/net/NetemRelay.h"

namespace hw {
namespace {

using asio::ip::tcp;

TEST(NetemRelay, ATcpStreamArrivesWholeAndInOrderUpToItsEnd) {
  asio::io_context io;
  // The relay forwards port P+1 to the master's P+1: P+1 is the server's
  // port, so P is free for the relay when 127.0.0.2 has it free.
  tcp::acceptor server(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  int port = server.local_endpoint().port() - 1;
  std::unique_ptr<NetemRelay> relay;
  ASSERT_NO_THROW(relay =
                      std::make_unique<NetemRelay>("127.0.0.2", "127.0.0.1", port,
                                                   NetemSettings{0.002, 0.001, 0.01, 0.01, 0.01}));

  // A file's worth of bytes, many reads of the relay, sent in one go and closed
  // at once, as the asset server answers a download.
  std::string sent(4 << 20, '\0');
  std::mt19937 random(7);
  for (char& byte : sent) byte = static_cast<char>(random());
  std::thread serving([&] {
    tcp::socket peer = server.accept();
    asio::write(peer, asio::buffer(sent));
  });

  tcp::socket client(io);
  client.connect(
      tcp::endpoint(asio::ip::make_address("127.0.0.2"), static_cast<unsigned short>(port + 1)));
  timeval bound{20, 0};  // s: a relay that never ends the stream fails, not hangs
  ::setsockopt(client.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &bound, sizeof bound);
  std::string received;
  asio::error_code ended;
  asio::read(client, asio::dynamic_buffer(received), ended);
  serving.join();
  EXPECT_EQ(ended, asio::error::eof) << ended.message();
  ASSERT_EQ(received.size(), sent.size()) << "the stream lost its tail";
  auto differ = std::mismatch(sent.begin(), sent.end(), received.begin());
  EXPECT_TRUE(differ.first == sent.end())
      << "bytes out of order from byte " << (differ.first - sent.begin());
}

}  // namespace
}  // namespace hw
