#include "engine/control/PngDecoding.h"

#include <cstring>
#include <stdexcept>

#include "tiler/ImageFile.h"

namespace hw {
namespace {

constexpr unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
constexpr std::size_t kHeaderEnd = 24;  // bytes: signature, IHDR length and type, width, height

std::uint32_t bigEndianAt(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i)
    value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

}  // namespace

Image decodePng(const std::string& png, int maxWidth, int maxHeight) {
  if (png.size() < kHeaderEnd || std::memcmp(png.data(), kSignature, sizeof kSignature) != 0 ||
      png.compare(12, 4, "IHDR") != 0)
    throw std::runtime_error("not a PNG");
  // The header's size first: a tiny file may claim a huge picture.
  std::uint32_t width = bigEndianAt(png, 16), height = bigEndianAt(png, 20);
  if (width == 0 || height == 0 || width > static_cast<std::uint32_t>(maxWidth) ||
      height > static_cast<std::uint32_t>(maxHeight))
    throw std::runtime_error("a PNG of " + std::to_string(width) + " x " + std::to_string(height) +
                             " pixels (at most " + std::to_string(maxWidth) + " x " +
                             std::to_string(maxHeight) + ")");
  return decodeImageBytes(png, "PNG");
}

}  // namespace hw
