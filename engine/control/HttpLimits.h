#pragma once

#include <chrono>
#include <cstddef>

namespace hw {

// What one HTTP client may hold on the master's HTTP port (control API, web
// remote, assets). Slow or oversized requests are dealt with before they
// reach a worker thread (RequestHeadGate); docs/api.md lists the replies.
struct HttpLimits {
  std::size_t maxHeadBytes = 32 * 1024;  // bytes, request line + headers (431 above)
  std::size_t maxLineBytes = 8 * 1024;   // bytes, one request or header line (431 above)
  std::size_t maxHeaderFields = 100;     // header lines per request (431 above)
  std::size_t maxBodyBytes = 16 * 1024;  // bytes, a request body (413 above; chunked bodies 411)
  std::chrono::milliseconds headTimeout{5000};  // ms, from a request's first byte to its end (408)
  std::chrono::milliseconds idleTimeout{
      5000};                                   // ms, a kept-alive connection may wait for a request
  std::chrono::milliseconds ioTimeout{10000};  // ms, a worker waits this long for a read or write
  std::size_t maxConnections =
      512;  // open connections; the busiest address's oldest waiting one goes
  std::size_t maxRequestsPerConnection = 100;  // then the connection closes (keep-alive)
  std::size_t workers = 32;  // threads serving complete requests (streams and downloads hold one)
};

}  // namespace hw
