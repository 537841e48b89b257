#include "engine/net/PrefetchQueue.h"

#include <algorithm>

namespace hw {

PrefetchQueue::PrefetchQueue(std::vector<AssetEntry> entries, RetrySchedule schedule)
    : schedule_(schedule) {
  for (auto& entry : entries) {
    File file;
    file.entry = std::move(entry);
    files_.push_back(std::move(file));
  }
}

std::optional<std::size_t> PrefetchQueue::next(double now) const {
  for (std::size_t i = 0; i < files_.size(); ++i)
    if (!files_[i].done && (files_[i].failures == 0 || files_[i].retryAt <= now)) return i;
  return std::nullopt;
}

std::optional<double> PrefetchQueue::waitFrom(double now) const {
  std::optional<double> soonest;
  for (const File& file : files_)
    if (!file.done && file.failures > 0)
      soonest = std::min(soonest.value_or(file.retryAt), file.retryAt);
  if (!soonest) return std::nullopt;
  return std::max(0.0, *soonest - now);
}

int PrefetchQueue::succeeded(std::size_t index) {
  File& file = files_.at(index);
  int failures = file.failures;
  file.done = true;
  file.failures = 0;
  file.error.clear();
  return failures;
}

double PrefetchQueue::failed(std::size_t index, const std::string& error, double now) {
  File& file = files_.at(index);
  ++file.failures;
  file.error = error;
  double delay = schedule_.delayAfter(file.failures);
  file.retryAt = now + delay;
  return delay;
}

bool PrefetchQueue::complete() const {
  return std::all_of(files_.begin(), files_.end(), [](const File& f) { return f.done; });
}

PrefetchProgress PrefetchQueue::progress() const {
  PrefetchProgress p;
  p.total = static_cast<int>(files_.size());
  for (const File& file : files_) {
    p.bytesTotal += file.entry.size;
    if (file.done) {
      ++p.done;
      p.bytesDone += file.entry.size;
    } else if (file.failures > 0) {
      p.failing.push_back({file.entry.name, file.entry.sha256, file.error, file.failures});
    }
  }
  return p;
}

}  // namespace hw
