#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <random>
#include <vector>

#include "engine/movie/MovieSoundtrack.h"
#include "engine/movie/SoundPacer.h"
#include "engine/render/SoundWanted.h"
#include "tests/support/TempFolder.h"
#include "tests/support/TestMovie.h"
#include "tiler/MediaError.h"

namespace hw {
namespace {

constexpr int kRate = 48000;
constexpr int kChannels = 2;

// s from the start of `samples` (interleaved stereo) at which each click
// begins: the first sample above an eighth of its level after 50 ms of quiet.
std::vector<double> clickOnsets(const std::vector<float>& samples) {
  std::vector<double> onsets;
  std::ptrdiff_t lastLoud = -kRate;
  for (std::size_t i = 0; i < samples.size() / kChannels; ++i) {
    if (std::abs(samples[i * kChannels]) < 0.1f) continue;
    auto at = static_cast<std::ptrdiff_t>(i);
    if (at - lastLoud > kRate / 20) onsets.push_back(static_cast<double>(i) / kRate);
    lastLoud = at;
  }
  return onsets;
}

std::vector<float> readAll(MovieSoundtrack& sound, std::size_t maxFrames = 10 * kRate) {
  std::vector<float> samples(maxFrames * kChannels);
  std::size_t got = sound.read(samples.data(), maxFrames);
  samples.resize(got * kChannels);
  return samples;
}

class MovieSoundtrackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::TestMovieSpec spec;
    spec.frames = 60;  // 2 s at 30 fps
    spec.clicks = {15, 45};
    movie_ = test::makeTestMovie(folder_.path(), "clicks.mp4", spec).string();
  }
  test::TempFolder folder_;
  std::string movie_;
};

TEST_F(MovieSoundtrackTest, ClicksComeAtTheTimesOfTheirFramesAndTheSoundLastsThePictures) {
  auto sound = MovieSoundtrack::open(movie_, kRate, kChannels);
  ASSERT_TRUE(sound);
  EXPECT_DOUBLE_EQ(sound->position(), 0);
  std::vector<float> samples = readAll(*sound);
  EXPECT_TRUE(sound->atEnd());
  std::vector<double> onsets = clickOnsets(samples);
  ASSERT_EQ(onsets.size(), 2u);
  EXPECT_NEAR(onsets[0], 0.5, 0.001);  // AAC's priming is the container's business, not ours
  EXPECT_NEAR(onsets[1], 1.5, 0.001);
  EXPECT_NEAR(static_cast<double>(samples.size()) / kChannels / kRate, 2.0, 0.025);
}

TEST_F(MovieSoundtrackTest, ASeekStartsAtItsTimeToTheSample) {
  auto sound = MovieSoundtrack::open(movie_, kRate, kChannels);
  for (double target : {1.2, 0.45, 1.49, 0.0}) {
    sound->seekTo(target);
    EXPECT_DOUBLE_EQ(sound->position(), target);
    std::vector<float> samples = readAll(*sound);
    std::vector<double> onsets = clickOnsets(samples);
    ASSERT_FALSE(onsets.empty()) << target;
    double firstClick = target < 0.5 ? 0.5 : 1.5;
    EXPECT_NEAR(target + onsets[0], firstClick, 0.001) << target;
  }
}

TEST_F(MovieSoundtrackTest, AFasterSpeedPlaysMoreOfTheMoviePerSecondOfSound) {
  auto sound = MovieSoundtrack::open(movie_, kRate, kChannels);
  sound->setSpeed(1.004);
  std::vector<float> second(kRate * kChannels);
  for (int i = 0; i < 10; ++i) sound->read(second.data() + i * kRate / 10 * kChannels, kRate / 10);
  EXPECT_NEAR(sound->position(), 1.004, 0.0005);
  std::vector<double> onsets = clickOnsets(second);
  ASSERT_EQ(onsets.size(), 1u);
  EXPECT_NEAR(onsets[0], 0.5 / 1.004, 0.001);
}

TEST(MovieSoundtrack, AMovieWithoutSoundHasNoSoundtrackAndAMissingFileIsNamed) {
  test::TempFolder folder;
  std::string silent = test::makeTestMovie(folder.path(), "silent.mp4").string();
  EXPECT_EQ(MovieSoundtrack::open(silent, kRate, kChannels), nullptr);
  std::string missing = (folder.path() / "missing.mp4").string();
  try {
    MovieSoundtrack::open(missing, kRate, kChannels);
    FAIL() << "opened a missing file";
  } catch (const MediaError& error) {
    EXPECT_EQ(error.file(), missing);
  }
}

// A sound device taking a 10 ms buffer at a time, at `speed(t)` s of sound
// per master s, its player called for each a little late (up to 1 ms, a
// thread waking), for `seconds`: the largest error of the sound heard after
// the first `settle` s, and the jumps.
struct PacedRun {
  double worstAfterSettling = 0;
  int jumps = 0;
};
PacedRun pace(const std::function<double(double)>& speed, double seconds, double settle) {
  SoundPacer pacer;
  std::mt19937 random(7);
  std::uniform_real_distribution<double> wakeUp(0, 0.001);
  const double cueStart = 100, buffer = 0.01;
  double source = 1;        // s of the movie the next buffer starts at: off at first
  double taken = cueStart;  // master s the device takes the next buffer
  double played = 0, last = 0;
  PacedRun run;
  while (taken < cueStart + seconds) {
    double now = taken + wakeUp(random);
    pacer.devicePlayed(now, played, false);
    SoundPacer::Step next = pacer.next(source - (now - cueStart), last > 0 ? now - last : 0);
    if (next.jump) {
      ++run.jumps;
      source = now - cueStart;
    }
    if (taken - cueStart > settle)
      run.worstAfterSettling =
          std::max(run.worstAfterSettling, std::abs(source - (taken - cueStart)));
    source += buffer * next.speed;
    played += buffer;
    last = now;
    taken += buffer / speed(taken - cueStart);
  }
  return run;
}

// The player learns when each buffer plays from when it is asked to fill
// it, late by a thread's wake-up: the sound is kept to within a few ms,
// well inside a 33 ms video frame.
constexpr double kWithin = 0.003;

TEST(SoundPacer, KeepsASoundCardOnTheClockForAnHourWithOneJumpAtTheStart) {
  PacedRun run = pace([](double) { return 1.0001; }, 3600, 5);  // a crystal 100 ppm fast
  EXPECT_EQ(run.jumps, 1);
  EXPECT_LT(run.worstAfterSettling, kWithin);
}

TEST(SoundPacer, FollowsADeviceWhoseRateSwingsByPercentsWithoutJumping) {
  // SDL's disk driver, timed by sleeps on a loaded machine: 2 to 8 % slow.
  PacedRun run = pace([](double t) { return 0.95 + 0.03 * std::sin(t / 3); }, 600, 5);
  EXPECT_EQ(run.jumps, 1);
  EXPECT_LT(run.worstAfterSettling, 0.01);
}

TEST(SoundPacer, JumpsWhenFarOffAndCorrectsGentlyWhenNear) {
  SoundPacer pacer;
  EXPECT_TRUE(pacer.next(0.5, 0.01).jump);
  EXPECT_TRUE(pacer.next(-0.1, 0.01).jump);
  SoundPacer::Step near = pacer.next(0.01, 0.01);
  EXPECT_FALSE(near.jump);
  EXPECT_LT(near.speed, 1.0);  // ahead: slower
  EXPECT_GE(near.speed, 1.0 - SoundPacer::kMaxCorrection);
  for (int i = 0; i < 500; ++i) near = pacer.next(-0.025, 0.01);
  EXPECT_DOUBLE_EQ(near.speed, 1.0 + SoundPacer::kMaxCorrection);  // behind: faster, bounded
}

Playlist showOfMovie(const std::string& uri, double seconds) {
  Playlist show;
  Cue cue;
  LayoutItem item;
  item.media.kind = MediaKind::Movie;
  item.media.uri = uri;
  item.media.movie = {{30, 1}, static_cast<std::int64_t>(seconds * 30)};
  cue.items.push_back(item);
  show.cues.push_back(cue);
  Cue still;
  still.items.push_back(LayoutItem{});
  show.cues.push_back(still);
  return show;
}

TEST(SoundAt, TheFirstMovieOfThePlayingCueInItsPassElseSilence) {
  Playlist show = showOfMovie("/m.mp4", 2);
  PlaybackPosition playing;
  playing.mode = PlaybackMode::Playing;
  playing.cue = 0;
  playing.elapsed = 5.25;  // third pass
  SoundWanted wanted = soundAt(show, playing);
  EXPECT_EQ(wanted.uri, "/m.mp4");
  EXPECT_DOUBLE_EQ(wanted.seconds, 1.25);
  EXPECT_DOUBLE_EQ(wanted.passSeconds, 2);

  PlaybackPosition paused = playing;
  paused.mode = PlaybackMode::Paused;
  EXPECT_EQ(soundAt(show, paused).uri, "");
  PlaybackPosition still = playing;
  still.cue = 1;
  EXPECT_EQ(soundAt(show, still).uri, "");
  PlaybackPosition finished = playing;
  finished.finished = true;
  EXPECT_EQ(soundAt(show, finished).uri, "");
  show.cues[0].items[0].media.frames = {"/f/1.png", "/f/2.png"};  // a frame sequence: no sound
  EXPECT_EQ(soundAt(show, playing).uri, "");
}

}  // namespace
}  // namespace hw
