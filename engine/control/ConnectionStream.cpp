#include "engine/control/ConnectionStream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

namespace hw {
namespace {

SocketEnd endOf(const sockaddr_storage& address) {
  SocketEnd end;
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    end.port = ntohs(v4.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    end.port = ntohs(v6.sin6_port);
  }
  end.ip = text;
  return end;
}

}  // namespace

SocketEnd peerEnd(int fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return {};
  return endOf(address);
}

SocketEnd localEnd(int fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return {};
  return endOf(address);
}

ConnectionStream::ConnectionStream(int fd, std::string received,
                                   std::chrono::milliseconds ioTimeout)
    : fd_(fd), received_(std::move(received)), ioTimeout_(ioTimeout) {}

bool ConnectionStream::waitFor(short events) const {
  pollfd entry{fd_, events, 0};
  return ::poll(&entry, 1, static_cast<int>(ioTimeout_.count())) > 0 &&
         (entry.revents & (events | POLLHUP | POLLERR)) != 0;
}

bool ConnectionStream::is_readable() const {
  return consumed_ < received_.size() || waitFor(POLLIN);
}

bool ConnectionStream::is_writable() const { return waitFor(POLLOUT); }

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (consumed_ < received_.size()) {
    std::size_t n = std::min(size, received_.size() - consumed_);
    std::memcpy(ptr, received_.data() + consumed_, n);
    consumed_ += n;
    return static_cast<ssize_t>(n);
  }
  if (!waitFor(POLLIN)) return -1;
  return ::recv(fd_, ptr, size, MSG_DONTWAIT);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  if (!waitFor(POLLOUT)) return -1;
  return ::send(fd_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  SocketEnd end = peerEnd(fd_);
  ip = end.ip;
  port = end.port;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  SocketEnd end = localEnd(fd_);
  ip = end.ip;
  port = end.port;
}

std::string ConnectionStream::takeUnread() { return received_.substr(consumed_); }

}  // namespace hw
