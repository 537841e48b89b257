#pragma once

#include <string>

#include "hwshow/Playlist.h"

namespace hw::test {

// Writes a real PNG of one colour, `width` x `height`, to `path`.
void writeSolidPng(const std::string& path, int width, int height, Color color);

// The same picture as PNG bytes in memory.
std::string solidPngBytes(int width, int height, Color color);

// Colour of the pixel at (x, y) of a PNG held in memory; throws if it does not decode.
Color pixelOfPng(const std::string& png, int x, int y);

}  // namespace hw::test
