#include "tests/support/TestMovie.h"

#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "tests/support/ChildProcess.h"

namespace hw::test {
namespace {

constexpr int kStep = 16;            // colour levels between neighbouring codes
constexpr int kTolerance = 5;        // levels a channel may drift in compression and conversion
constexpr std::uint8_t kBlue = 128;  // tells a movie frame from a plain background

}  // namespace

std::filesystem::path makeDetailedMovie(const std::filesystem::path& file, const std::string& size,
                                        int frames, const std::string& pixelFormat,
                                        const std::string& filter) {
  std::vector<std::string> argv = {"ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error",
                                   "-y", "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=30",
                                   "-frames:v", std::to_string(frames)};
  if (!filter.empty()) argv.insert(argv.end(), {"-vf", filter});
  argv.insert(argv.end(), {"-c:v", "libx264", "-pix_fmt", pixelFormat, file.string()});
  CommandResult made = runCommand(argv);
  if (made.exitStatus != 0)
    throw std::runtime_error("ffmpeg could not make " + file.string() + ": " + made.err);
  return file;
}

Color frameColour(int frame) {
  return {static_cast<std::uint8_t>((frame % 16) * kStep + kStep / 2),
          static_cast<std::uint8_t>((frame / 16 % 16) * kStep + kStep / 2), kBlue};
}

int frameOfColour(Color colour) {
  auto digit = [](int level) {
    int value = (level - kStep / 2 + kStep / 2) / kStep;  // nearest code
    int off = std::abs(level - (value * kStep + kStep / 2));
    return off <= kTolerance && value < 16 ? value : -1;
  };
  int low = digit(colour.r);
  int high = digit(colour.g);
  if (low < 0 || high < 0 || std::abs(colour.b - kBlue) > kTolerance) return -1;
  return high * 16 + low;
}

namespace {

// s a frame lasts at `rate` as ffmpeg takes it ("30", "30000/1001").
double frameSeconds(const std::string& rate) {
  std::size_t slash = rate.find('/');
  double num = std::stod(rate.substr(0, slash));
  double den = slash == std::string::npos ? 1.0 : std::stod(rate.substr(slash + 1));
  return den / num;
}

// ffmpeg's counting picture (frameColour of its frame number) at `spec`'s
// size and rate, encoded with `encoding` into `output`, with `spec`'s clicks
// on a soundtrack as long as the pictures.
void encodeCountingFrames(const TestMovieSpec& spec, const std::vector<std::string>& encoding,
                          const std::string& output) {
  std::string size = std::to_string(spec.width) + "x" + std::to_string(spec.height);
  // Coloured at 16x16 and scaled up: geq per pixel of a 5760x3240 movie takes minutes.
  std::string colour = "format=gbrp,geq=r='mod(N,16)*16+8':g='mod(floor(N/16),16)*16+8':b='128',"
                       "scale=" + size + ":flags=neighbor";
  std::vector<std::string> argv = {
      "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error",
      "-y",     "-f",       "lavfi",        "-i",        "color=c=black:s=16x16:r=" + spec.rate};
  std::vector<std::string> sound;  // its input, then its encoding
  if (!spec.clicks.empty()) {
    double frame = frameSeconds(spec.rate);
    std::string tone = "0";
    for (int click : spec.clicks) {
      std::string at = std::to_string(click * frame);
      // Commas escaped: unescaped, they would separate filters of the graph.
      tone += "+between(t\\," + at + "\\," + at + "+0.01)*0.8*sin(2*PI*1000*(t-" + at + "))";
    }
    argv.insert(argv.end(), {"-f", "lavfi", "-i",
                             "aevalsrc=" + tone + "|" + tone +
                                 ":s=48000:d=" + std::to_string(spec.frames * frame)});
    sound = {"-c:a", "aac", "-b:a", "192k"};
  }
  // The pictures end after their frames by a filter: -frames:v would end the
  // file there, cutting off the sound still buffered.
  colour = "trim=end_frame=" + std::to_string(spec.frames) + "," + colour;
  argv.insert(argv.end(), {"-vf", colour});
  argv.insert(argv.end(), sound.begin(), sound.end());
  argv.insert(argv.end(), encoding.begin(), encoding.end());
  argv.push_back(output);
  CommandResult made = runCommand(argv);
  if (made.exitStatus != 0)
    throw std::runtime_error("ffmpeg could not make " + output + ": " + made.err);
}

}  // namespace

std::filesystem::path makeTestMovie(const std::filesystem::path& folder, const std::string& name,
                                    const TestMovieSpec& spec) {
  std::filesystem::path file = folder / name;
  std::vector<std::string> encoding = {"-c:v",    spec.codec, "-pix_fmt",
                                       "yuv420p", "-g",       std::to_string(spec.keyframeEvery)};
  // ffmpeg converts with BT.601 and tags nothing; players take HD as BT.709
  // unless told, so say what it is.
  encoding.insert(encoding.end(), {"-colorspace", "bt470bg", "-color_primaries", "bt470bg",
                                   "-color_trc", "smpte170m"});
  // Near-lossless, so flat colours come back within kTolerance.
  std::vector<std::string> quality = {"-crf", "10"};
  if (spec.codec == "libvpx-vp9") quality = {"-crf", "10", "-b:v", "0"};
  if (spec.codec == "mpeg4") quality = {"-q:v", "2"};
  encoding.insert(encoding.end(), quality.begin(), quality.end());
  encodeCountingFrames(spec, encoding, file.string());
  return file;
}

std::filesystem::path makeTestFrames(const std::filesystem::path& folder, const std::string& name,
                                     const TestMovieSpec& spec, const std::string& extension) {
  std::filesystem::path sequence = folder / name;
  std::filesystem::create_directories(sequence);
  std::vector<std::string> encoding = {"-pix_fmt", extension == "png" ? "rgb24" : "yuvj444p"};
  if (extension != "png") encoding.insert(encoding.end(), {"-q:v", "1"});
  encodeCountingFrames(spec, encoding, (sequence / (name + ".%04d." + extension)).string());
  return sequence;
}

}  // namespace hw::test
