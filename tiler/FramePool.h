#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace hw {

// Pixel buffers of frames their owner is done with, handed out again for new
// frames: a stream of cues then costs no allocation, no zeroing and no page
// faults. Holds at most `maxBytes`; thread-safe.
class FramePool {
 public:
  explicit FramePool(std::size_t maxBytes = std::size_t{256} << 20) : maxBytes_(maxBytes) {}

  // A buffer of exactly `bytes`; its contents are whatever was there.
  std::vector<std::uint8_t> take(std::size_t bytes);
  void give(std::vector<std::uint8_t>&& pixels);

 private:
  std::size_t maxBytes_;  // capacity kept at most, bytes
  std::size_t heldBytes_ = 0;
  std::vector<std::vector<std::uint8_t>> spare_;
  std::mutex mutex_;
};

}  // namespace hw
