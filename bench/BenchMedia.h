#pragma once

#include <filesystem>
#include <string>

namespace hw::bench {

// The benchmarks' looping movie: small enough that nine decoders and croppers
// fit two cores; a 3 s loop so a run crosses many loop points.
constexpr int kMovieWidth = 640, kMovieHeight = 360, kMovieFrames = 90;
constexpr const char* kMovieRate = "30";

// Makes dir/loop.mp4 with Debian's ffmpeg (testsrc2, H.264, a keyframe every
// 30 frames) and returns its path; throws naming ffmpeg's log when it cannot.
std::filesystem::path makeLoopMovie(const std::filesystem::path& dir);
// Makes dir/NAME.png, one 960x540 frame of ffmpeg's lavfi source NAME
// (smptehdbars, mandelbrot, rgbtestsrc, ...), and returns its path.
std::filesystem::path makeStill(const std::filesystem::path& dir, const std::string& name);
// The 1, 5 and 15 minute load averages, as "1.00 2.00 3.00".
std::string loadAverage();

}  // namespace hw::bench
