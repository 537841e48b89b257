#include "tiler/FramePool.h"

#include "tiler/HugePages.h"

namespace hw {

std::vector<std::uint8_t> FramePool::take(std::size_t bytes) {
  {
    std::lock_guard lock(mutex_);
    // Same size first (nothing to touch), else any that is large enough.
    std::size_t best = spare_.size();
    for (std::size_t i = 0; i < spare_.size(); ++i) {
      if (spare_[i].capacity() < bytes) continue;
      if (best == spare_.size() || spare_[i].size() == bytes) best = i;
      if (spare_[i].size() == bytes) break;
    }
    if (best < spare_.size()) {
      std::vector<std::uint8_t> pixels = std::move(spare_[best]);
      spare_.erase(spare_.begin() + static_cast<std::ptrdiff_t>(best));
      heldBytes_ -= pixels.capacity();
      pixels.resize(bytes);
      return pixels;
    }
  }
  std::vector<std::uint8_t> pixels;
  resizeOnHugePages(pixels, bytes);
  return pixels;
}

void FramePool::give(std::vector<std::uint8_t>&& pixels) {
  std::lock_guard lock(mutex_);
  if (pixels.capacity() == 0 || heldBytes_ + pixels.capacity() > maxBytes_) return;
  heldBytes_ += pixels.capacity();
  spare_.push_back(std::move(pixels));
}

}  // namespace hw
