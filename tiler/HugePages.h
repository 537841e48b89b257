#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hw {

// Sizes `pixels` to `bytes`, zeroed, asking Linux for transparent huge pages
// first: a 1080p frame is then a handful of page faults instead of two
// thousand, which on virtual machines costs more than drawing it.
void resizeOnHugePages(std::vector<std::uint8_t>& pixels, std::size_t bytes);

}  // namespace hw
