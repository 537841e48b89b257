#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "hwshow/Playlist.h"

namespace hw::test {

// A movie for tests, made on the spot by Debian's ffmpeg: frame n is one
// flat colour that codes n (frameColour), so a test reads back which frame
// any part of any display shows, after compression, scaling and tiling.
struct TestMovieSpec {
  int width = 320;                // pixels
  int height = 180;               // pixels
  std::string rate = "30";        // frames per second as ffmpeg takes it: "30000/1001", "25"
  int frames = 60;                // frames in the movie
  std::string codec = "libx264";  // ffmpeg encoder: libx264, libx265, libvpx-vp9, mpeg4
  int keyframeEvery = 30;         // frames between keyframes
  // Frames whose start a click marks on the movie's soundtrack (10 ms of a
  // 1 kHz tone, AAC at 48 kHz; silence elsewhere); none: a movie without sound.
  std::vector<int> clicks;
};

// Writes `name` (its extension picks the container) in `folder`; throws
// std::runtime_error with ffmpeg's message when it fails.
std::filesystem::path makeTestMovie(const std::filesystem::path& folder, const std::string& name,
                                    const TestMovieSpec& spec = {});

// A frame sequence like that movie (`spec`'s codec and keyframes aside):
// folder/NAME/NAME.0001.png ... (or another image `extension`), file n+1
// holding frame n in frameColour(n). Returns the sequence's folder.
std::filesystem::path makeTestFrames(const std::filesystem::path& folder, const std::string& name,
                                     const TestMovieSpec& spec = {},
                                     const std::string& extension = "png");

// A movie of ffmpeg's testsrc2 (detail and motion everywhere, so a shifted
// cut or a wrong frame shows, unlike in a flat test movie): `frames` frames
// at 30 fps of `size` ("320x180"), libx264 in `pixelFormat`, through the extra
// ffmpeg filter `filter` when given. Throws std::runtime_error with ffmpeg's message.
std::filesystem::path makeDetailedMovie(const std::filesystem::path& file, const std::string& size,
                                        int frames, const std::string& pixelFormat = "yuv420p",
                                        const std::string& filter = "");

// The colour of frame n: red and green count n in base 16 (n < 256).
Color frameColour(int frame);
// The frame a colour codes, or -1 when it codes none (not a movie frame, or
// too far from every code to say).
int frameOfColour(Color colour);

}  // namespace hw::test
