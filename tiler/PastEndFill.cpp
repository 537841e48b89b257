#include "tiler/PastEndFill.h"

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

}  // namespace hw
