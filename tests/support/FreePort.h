#pragma once

#include <unistd.h>

#include <asio.hpp>
#include <random>

namespace hw::test {

// A port P with TCP P, P+1 and UDP P free on 127.0.0.1: a master's wall port
// (TCP control, UDP clock) with its HTTP port next to it.
inline int freePort() {
  static std::mt19937 random(static_cast<unsigned>(::getpid()));
  asio::io_context io;
  for (;;) {
    int port = 20000 + static_cast<int>(random() % 20000) * 2;
    try {
      auto address = asio::ip::make_address("127.0.0.1");
      asio::ip::tcp::acceptor a(io, {address, static_cast<unsigned short>(port)});
      asio::ip::tcp::acceptor b(io, {address, static_cast<unsigned short>(port + 1)});
      asio::ip::udp::socket c(io, {address, static_cast<unsigned short>(port)});
      return port;
    } catch (const asio::system_error&) {
    }
  }
}

}  // namespace hw::test
