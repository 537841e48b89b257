#pragma once

#include <httplib.h>

#include <chrono>
#include <string>

namespace hw {

// The address and port at either end of a connected socket.
struct SocketEnd {
  std::string ip;
  int port = 0;
};
SocketEnd peerEnd(int fd);
SocketEnd localEnd(int fd);

// One HTTP request's view of a connection for httplib: the bytes the gate
// already received come first, then the socket, each wait bounded by
// `ioTimeout`. It never reads past what httplib asks for, so the bytes of a
// following request stay for the gate (takeUnread).
class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(int fd, std::string received, std::chrono::milliseconds ioTimeout);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

  std::string takeUnread();

 private:
  bool waitFor(short events) const;

  int fd_;
  std::string received_;
  std::size_t consumed_ = 0;
  std::chrono::milliseconds ioTimeout_;
};

}  // namespace hw
