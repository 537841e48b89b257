#include "tiler/PastEndFill.h"

#include <cstdint>
#include <cstring>

namespace hw {
namespace {

SDL_RWops* innerOf(SDL_RWops* stream) {
  return static_cast<SDL_RWops*>(stream->hidden.unknown.data1);
}

Sint64 sizeOf(SDL_RWops* stream) { return SDL_RWsize(innerOf(stream)); }

Sint64 seek(SDL_RWops* stream, Sint64 offset, int whence) {
  return SDL_RWseek(innerOf(stream), offset, whence);
}

std::size_t read(SDL_RWops* stream, void* into, std::size_t size, std::size_t count) {
  std::size_t read = SDL_RWread(innerOf(stream), into, size, count);
  if (read < count)
    std::memset(static_cast<char*>(into) + read * size, 0xFF, (count - read) * size);
  return read;
}

std::size_t write(SDL_RWops*, const void*, std::size_t, std::size_t) {
  SDL_SetError("read-only stream");
  return 0;
}

int close(SDL_RWops* stream) {
  int status = SDL_RWclose(innerOf(stream));
  SDL_FreeRW(stream);
  return status;
}

std::uint32_t bigEndian(const unsigned char* bytes) {
  return std::uint32_t{bytes[0]} << 24 | std::uint32_t{bytes[1]} << 16 |
         std::uint32_t{bytes[2]} << 8 | bytes[3];
}

}  // namespace

SDL_RWops* fillPastEnd(SDL_RWops* inner) {
  if (!inner) return nullptr;
  SDL_RWops* stream = SDL_AllocRW();
  if (!stream) {
    SDL_RWclose(inner);
    return nullptr;
  }
  stream->type = SDL_RWOPS_UNKNOWN;
  stream->size = sizeOf;
  stream->seek = seek;
  stream->read = read;
  stream->write = write;
  stream->close = close;
  stream->hidden.unknown.data1 = inner;
  return stream;
}

std::string pngChunkPastEnd(SDL_RWops* stream) {
  static const unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  const Sint64 start = SDL_RWtell(stream), size = SDL_RWsize(stream);
  std::string problem;
  unsigned char head[8];  // signature, then each chunk's length and type
  if (start >= 0 && size >= 0 && SDL_RWread(stream, head, 8, 1) == 1 &&
      std::memcmp(head, kSignature, 8) == 0) {
    Sint64 at = start + 8;
    // A header cut short is left to the decoder: past the end it reads 0xFF.
    while (SDL_RWread(stream, head, 8, 1) == 1 && std::memcmp(head + 4, "IEND", 4) != 0) {
      const Sint64 end = at + 8 + bigEndian(head) + 4;  // data and CRC
      if (end > size) {
        problem = "the PNG chunk at byte " + std::to_string(at - start) + " claims " +
                  std::to_string(bigEndian(head)) + " bytes; the file ends before";
        break;
      }
      at = end;
      if (SDL_RWseek(stream, at, RW_SEEK_SET) != at) break;
    }
  }
  SDL_RWseek(stream, start, RW_SEEK_SET);
  return problem;
}

}  // namespace hw
