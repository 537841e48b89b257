#pragma once

#include <SDL.h>

#include <string>

namespace hw {

// SDL_image's PNG reader ignores a short read, so libpng goes on parsing
// whatever its buffer held before: a chunk that claims more bytes than the
// file has made it re-read the same stale chunk header forever (a 41-byte PNG
// hung the master's network thread; a truncated media file hung `tile`).
// This stream reads through `inner` and fills what a read could not supply
// with 0xFF bytes, which are neither a valid chunk length nor a chunk type,
// so libpng stops with an error. Readers that check the count see the same
// count as before. Takes `inner` (closed with the stream); null if it is null.
SDL_RWops* fillPastEnd(SDL_RWops* inner);

// "" when `stream` is no PNG or each of its chunks fits in it; otherwise which
// one claims more bytes than there are. libpng reads a chunk's whole claimed
// length even to skip it: a 144-byte frame claiming 870 MB cost seconds.
// Reads chunk headers only, and leaves the stream where it was.
std::string pngChunkPastEnd(SDL_RWops* stream);

}  // namespace hw
