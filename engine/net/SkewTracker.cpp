#include "engine/net/SkewTracker.h"

#include <algorithm>
#include <cmath>

namespace hw {
namespace {

double spread(const std::map<std::string, double>& times) {
  if (times.empty()) return 0;
  auto [low, high] = std::minmax_element(times.begin(), times.end(),
                                         [](const auto& a, const auto& b) { return a.second < b.second; });
  return high->second - low->second;
}

}  // namespace

double CueChangeRecord::skew() const { return spread(presented); }

std::optional<double> CueChangeRecord::trueSkew() const {
  if (presentedTrue.size() != presented.size()) return std::nullopt;
  return spread(presentedTrue);
}

void SkewTracker::record(const std::string& node, int cue, double scheduled, double presented,
                         std::optional<double> presentedTrue) {
  auto matches = [&](const CueChangeRecord& change) {
    return change.cue == cue && std::fabs(change.scheduled - scheduled) <= tolerance_;
  };
  if (std::none_of(changes_.begin(), changes_.end(), matches)) {
    changes_.push_back({cue, scheduled, {}, {}});
    std::sort(changes_.begin(), changes_.end(),
              [](const auto& a, const auto& b) { return a.scheduled < b.scheduled; });
    while (changes_.size() > keep_) changes_.pop_front();
  }
  auto it = std::find_if(changes_.begin(), changes_.end(), matches);
  if (it == changes_.end()) return;  // older than everything kept
  it->presented[node] = presented;
  if (presentedTrue) it->presentedTrue[node] = *presentedTrue;
}

}  // namespace hw
