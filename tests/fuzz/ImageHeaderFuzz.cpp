// The size sniffed from a media file's first bytes (hwshow/ImageHeaderSize.h):
// any file gives a size within the checked range or {0, 0}, never a throw.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "hwshow/ImageHeaderSize.h"
#include "tests/fuzz/FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The sniffer reads files; each process gets its own (fuzz jobs run side by side).
  static const std::string path = "/tmp/hyperwall-fuzz-image-" + std::to_string(getpid());
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  hw::Size found = hw::imageSizeFromHeader(path);
  std::remove(path.c_str());
  bool none = found.w == 0 && found.h == 0;
  bool plausible = found.w > 0 && found.h > 0 && found.w <= 1'000'000 && found.h <= 1'000'000;
  if (!none && !plausible) std::abort();
  return 0;
}
