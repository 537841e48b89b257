// The PNG of a node's "frame" message (engine/control/PngDecoding.h), decoded
// on the master's network thread: any bytes decode or throw, promptly.
#include <stdexcept>

#include "engine/control/PngDecoding.h"
#include "engine/net/FrameReport.h"
#include "tests/fuzz/FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    hw::decodePng(hw::fuzz::text(data, size), hw::kFrameSide, hw::kFrameSide);
  } catch (const std::runtime_error&) {
  }
  return 0;
}
