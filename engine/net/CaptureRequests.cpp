#include "engine/net/CaptureRequests.h"

#include <algorithm>

namespace hw {

void CaptureRequests::add(CaptureRequest request) {
  std::lock_guard lock(mutex_);
  for (const CaptureRequest& held : pending_)
    if (held.id == request.id) return;
  if (pending_.size() == kMaxPending) pending_.erase(pending_.begin());
  pending_.push_back(request);
}

std::vector<CaptureRequest> CaptureRequests::takeBefore(double t) { return take(t, false); }

std::vector<CaptureRequest> CaptureRequests::takeUpTo(double t) { return take(t, true); }

std::vector<CaptureRequest> CaptureRequests::take(double t, bool withT) {
  std::lock_guard lock(mutex_);
  std::vector<CaptureRequest> due;
  std::erase_if(pending_, [&](const CaptureRequest& request) {
    bool taken = request.at < t || (withT && request.at == t);
    if (taken) due.push_back(request);
    return taken;
  });
  return due;
}

std::optional<double> CaptureRequests::earliest() const {
  std::lock_guard lock(mutex_);
  if (pending_.empty()) return std::nullopt;
  return std::min_element(pending_.begin(), pending_.end(),
                          [](const auto& a, const auto& b) { return a.at < b.at; })
      ->at;
}

}  // namespace hw
