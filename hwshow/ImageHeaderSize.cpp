#include "hwshow/ImageHeaderSize.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <vector>

namespace hw {
namespace {

// Enough for the PNG, BMP and WebP headers; JPEG is walked segment by segment.
constexpr std::size_t kHeaderBytes = 32;

using Bytes = std::vector<unsigned char>;

std::uint32_t be16(const Bytes& b, std::size_t at) { return (b[at] << 8) | b[at + 1]; }
std::uint32_t be32(const Bytes& b, std::size_t at) { return (be16(b, at) << 16) | be16(b, at + 2); }
std::uint32_t le16(const Bytes& b, std::size_t at) { return b[at] | (b[at + 1] << 8); }
std::uint32_t le24(const Bytes& b, std::size_t at) { return le16(b, at) | (b[at + 2] << 16); }
std::uint32_t le32(const Bytes& b, std::size_t at) { return le16(b, at) | (le16(b, at + 2) << 16); }

bool startsWith(const Bytes& b, std::size_t at, std::string_view magic) {
  if (b.size() < at + magic.size()) return false;
  for (std::size_t i = 0; i < magic.size(); ++i)
    if (b[at + i] != static_cast<unsigned char>(magic[i])) return false;
  return true;
}

Size checked(std::int64_t w, std::int64_t h) {
  if (w <= 0 || h <= 0 || w > 1'000'000 || h > 1'000'000) return {};
  return {static_cast<int>(w), static_cast<int>(h)};
}

Size pngSize(const Bytes& b) {
  if (b.size() < 24 || !startsWith(b, 12, "IHDR")) return {};
  return checked(be32(b, 16), be32(b, 20));
}

Size bmpSize(const Bytes& b) {
  if (b.size() < 26) return {};
  if (le32(b, 14) == 12) return checked(le16(b, 18), le16(b, 20));  // OS/2 core header
  auto h = static_cast<std::int32_t>(le32(b, 22));                  // negative = top-down rows
  return checked(static_cast<std::int32_t>(le32(b, 18)), std::llabs(h));
}

Size webpSize(const Bytes& b) {
  if (b.size() < 30) return {};
  if (startsWith(b, 12, "VP8X")) return checked(le24(b, 24) + 1, le24(b, 27) + 1);
  if (startsWith(b, 12, "VP8L") && b[20] == 0x2F) {
    std::uint32_t bits = le32(b, 21);
    return checked((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
  }
  if (startsWith(b, 12, "VP8 ") && b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A)
    return checked(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
  return {};
}

bool isStartOfFrame(unsigned char marker) {
  // C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding) share the range.
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Walks the marker segments by seeking, so only a few bytes per segment are read.
Size jpegSize(std::ifstream& in) {
  std::streamoff at = 2;
  for (int segments = 0; segments < 1000; ++segments) {
    Bytes m(9);
    in.clear();
    in.seekg(at);
    in.read(reinterpret_cast<char*>(m.data()), static_cast<std::streamsize>(m.size()));
    if (in.gcount() < 4 || m[0] != 0xFF) return {};
    unsigned char marker = m[1];
    if (marker == 0xFF) {  // fill byte
      at += 1;
      continue;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length field
      at += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) return {};  // image data before any frame header
    if (isStartOfFrame(marker)) return in.gcount() == 9 ? checked(be16(m, 7), be16(m, 5)) : Size{};
    at += 2 + be16(m, 2);
  }
  return {};
}

Bytes readStart(std::ifstream& in) {
  Bytes bytes(kHeaderBytes);
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

}  // namespace

Size imageSizeFromHeader(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  Bytes b = readStart(in);
  if (startsWith(b, 0, "\x89PNG\r\n\x1a\n")) return pngSize(b);
  if (startsWith(b, 0, "\xFF\xD8")) return jpegSize(in);
  if (startsWith(b, 0, "BM")) return bmpSize(b);
  if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP")) return webpSize(b);
  return {};
}

}  // namespace hw
