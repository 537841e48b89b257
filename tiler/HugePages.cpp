#include "tiler/HugePages.h"

#include <sys/mman.h>

namespace hw {

void resizeOnHugePages(std::vector<std::uint8_t>& pixels, std::size_t bytes) {
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  pixels.clear();
  pixels.reserve(bytes);  // allocated, not yet touched
  auto start = reinterpret_cast<std::uintptr_t>(pixels.data());
  std::uintptr_t first = (start + kHuge - 1) & ~(kHuge - 1);
  std::uintptr_t last = (start + bytes) & ~(kHuge - 1);
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  pixels.resize(bytes);
}

}  // namespace hw
