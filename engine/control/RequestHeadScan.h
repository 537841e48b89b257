#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/control/HttpLimits.h"

namespace hw {

// How far the bytes received on a connection hold a complete request head.
struct RequestHeadScan {
  enum class Verdict {
    Incomplete,  // wait for more bytes
    Complete,    // head ends at headBytes; the body is bodyBytes long
    TooLarge,    // a limit is exceeded: reply 431 with `problem`
    Malformed,   // not an HTTP/1.x request head: reply 400 with `problem`
  };
  Verdict verdict = Verdict::Incomplete;
  std::size_t headBytes = 0;  // request line, headers and the blank line
  std::size_t bodyBytes = 0;  // Content-Length, 0 when absent
  bool chunked = false;       // the body comes with Transfer-Encoding (no length up front)
  std::string problem;        // one line for the client
};

// Pure: reads the head at the start of `bytes` against `limits` (line length,
// header count, total size) without waiting for bytes beyond a limit.
RequestHeadScan scanRequestHead(std::string_view bytes, const HttpLimits& limits);

}  // namespace hw
