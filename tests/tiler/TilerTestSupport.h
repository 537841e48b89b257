#pragma once

#include <filesystem>
#include <string>

#include "config/WallConfig.h"
#include "hwshow/Playlist.h"
#include "tiler/Image.h"
#include "tiler/Rect.h"
#include "tests/support/TempFolder.h"

namespace hw::test {

// A photo-like picture: smooth colour gradients with blocks of detail, so a
// shifted or mirrored copy differs everywhere. Deterministic for a seed.
Image makePhotoLike(int width, int height, unsigned seed = 1);

// width x height of 16x16 blocks, each one flat random colour.
Image makeColourBlocks(int width, int height, int block = 16, unsigned seed = 7);

// Writes a real JPEG file (SDL_image's IMG_SaveJPG).
void writeJpegFile(const Image& image, const std::filesystem::path& path, int quality = 90);

// The part of `image` inside `rect`.
Image crop(const Image& image, const RectI& rect);

// Largest difference of any channel of any pixel (images must be the same size).
int maxChannelDifference(const Image& a, const Image& b);

// A wall file's worth of WallConfig built in code: cols x rows displays of
// width x height, bezelMm per side at 1 mm = 1 px, default nodes.
WallConfig makeWall(int cols, int rows, int width, int height, double bezelMm = 3);

// A cue showing one image file with the given fit.
Cue imageCue(const std::string& uri, FitMode fit, Color background = {20, 30, 40});

}  // namespace hw::test
