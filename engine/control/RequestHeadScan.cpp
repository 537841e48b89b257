#include "engine/control/RequestHeadScan.h"

#include <charconv>

namespace hw {
namespace {

bool startsWithNoCase(std::string_view line, std::string_view prefix) {
  if (line.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = line[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

RequestHeadScan refuse(RequestHeadScan::Verdict verdict, std::string problem) {
  RequestHeadScan scan;
  scan.verdict = verdict;
  scan.problem = std::move(problem);
  return scan;
}

}  // namespace

RequestHeadScan scanRequestHead(std::string_view bytes, const HttpLimits& limits) {
  using Verdict = RequestHeadScan::Verdict;
  RequestHeadScan scan;
  std::size_t start = 0;
  std::size_t fields = 0;
  for (;;) {
    const std::size_t lineStart = start;
    std::size_t end = bytes.find('\n', start);
    std::size_t lineLength = (end == std::string_view::npos ? bytes.size() : end + 1) - start;
    if (lineLength > limits.maxLineBytes) {
      return refuse(Verdict::TooLarge, (lineStart == 0 ? "request line" : "a request header line") +
                                           std::string(" is longer than ") +
                                           std::to_string(limits.maxLineBytes) + " bytes");
    }
    if (start + lineLength > limits.maxHeadBytes) {
      return refuse(Verdict::TooLarge, "request headers are larger than " +
                                           std::to_string(limits.maxHeadBytes) + " bytes");
    }
    if (end == std::string_view::npos) return scan;  // Incomplete
    std::string_view line = bytes.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    start = end + 1;
    if (lineStart == 0) {
      if (line.find(" HTTP/1.") == std::string_view::npos) {
        return refuse(Verdict::Malformed, "not an HTTP/1.x request line");
      }
      continue;
    }
    if (line.empty()) break;
    if (++fields > limits.maxHeaderFields) {
      return refuse(Verdict::TooLarge, "more than " + std::to_string(limits.maxHeaderFields) +
                                           " request header fields");
    }
    if (startsWithNoCase(line, "transfer-encoding:")) scan.chunked = true;
    if (startsWithNoCase(line, "content-length:")) {
      std::string_view value = line.substr(15);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
        value.remove_prefix(1);
      }
      auto [rest, error] =
          std::from_chars(value.data(), value.data() + value.size(), scan.bodyBytes);
      if (error != std::errc() || rest == value.data()) {
        return refuse(Verdict::Malformed, "Content-Length is not a number of bytes");
      }
    }
  }
  scan.verdict = Verdict::Complete;
  scan.headBytes = start;
  return scan;
}

}  // namespace hw
