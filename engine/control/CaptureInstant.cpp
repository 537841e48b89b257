#include "engine/control/CaptureInstant.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace hw {
namespace {

constexpr std::size_t kMostCharacters = 32;  // a master time to the nanosecond fits in 21

// A plain decimal: digits, at most one point, nothing else (no sign, exponent, nan or inf).
std::optional<double> plainDecimal(const std::string& text) {
  if (text.empty() || text.size() > kMostCharacters || text == ".") return std::nullopt;
  if (std::count(text.begin(), text.end(), '.') > 1) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(),
                   [](char c) { return (c >= '0' && c <= '9') || c == '.'; }))
    return std::nullopt;
  return std::strtod(text.c_str(), nullptr);
}

std::string seconds(double value) {
  char text[48];
  std::snprintf(text, sizeof text, "%.3f", value);
  return text;
}

}  // namespace

std::optional<CaptureInstant> parseCaptureInstant(const std::string& text) {
  if (text.empty()) return CaptureInstant{kCaptureLeadSeconds, true};
  bool fromNow = text.front() == '+';
  std::optional<double> value = plainDecimal(fromNow ? text.substr(1) : text);
  if (!value) return std::nullopt;
  return CaptureInstant{*value, fromNow};
}

double captureTime(const CaptureInstant& instant, double now, std::string& problem) {
  double at = instant.fromNow ? now + instant.seconds : instant.seconds;
  problem.clear();
  if (at < now - kCapturePastSeconds)
    problem = "at=" + seconds(at) + " is " + seconds(now - at) +
              " s in the past (master time now " + seconds(now) +
              "): nodes keep no pictures of the past; ask for an instant ahead, e.g. at=+0.5";
  else if (at > now + kCaptureAheadSeconds)
    problem = "at=" + seconds(at) + " is " + seconds(at - now) + " s ahead (master time now " +
              seconds(now) + "); at most " + seconds(kCaptureAheadSeconds) + " s ahead";
  return at;
}

}  // namespace hw
