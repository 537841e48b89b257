#pragma once

#include <optional>
#include <string>

namespace hw {

// The instant of a screenshot of one instant (`GET /api/screenshot.png?at=`,
// `ctl screenshot FILE --at`; docs/api.md): master s, or s from now.
struct CaptureInstant {
  double seconds = 0;    // master s; with fromNow, s after the master's now
  bool fromNow = false;  // true: "+S", or the default lead
};

// s ahead of now a capture is taken when no instant is given: time for the
// request to reach every node before its instant comes.
constexpr double kCaptureLeadSeconds = 0.5;
// s an instant may be in the past: nodes keep no pictures, so an older one
// could only be answered with later pictures.
constexpr double kCapturePastSeconds = 0.25;
// s an instant may be ahead: a capture holds an HTTP thread until it is over.
constexpr double kCaptureAheadSeconds = 10;

// Reads `at` as given: "T" (master s, a plain decimal number), "+S" (S s from
// now) or "" (kCaptureLeadSeconds from now); nullopt for anything else.
std::optional<CaptureInstant> parseCaptureInstant(const std::string& text);

// The master time `instant` names, given the master's time `now`; "" in
// `problem` when it may be captured, else one line saying why not (past by
// more than kCapturePastSeconds, ahead by more than kCaptureAheadSeconds).
double captureTime(const CaptureInstant& instant, double now, std::string& problem);

}  // namespace hw
