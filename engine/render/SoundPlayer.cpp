#include "engine/render/SoundPlayer.h"

#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace hw {
namespace {

constexpr double kFade = 0.005;  // s a sound ramps up over after a jump or silence: no click
constexpr double kIdle = 0.02;   // s between asks while no sound was ever wanted

}  // namespace

SoundPlayer::SoundPlayer(Clock now, Wanted wanted, Log log)
    : now_(std::move(now)),
      wanted_(std::move(wanted)),
      log_(std::move(log)),
      worker_([this] { run(); }) {}

SoundPlayer::~SoundPlayer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

std::optional<SoundFigures> SoundPlayer::figures() const {
  std::lock_guard lock(mutex_);
  return figures_;
}

void SoundPlayer::run() {
  // SDL keeps an error buffer per thread that sets an error and frees it only
  // for threads SDL started: free it here.
  struct SdlThreadState {
    ~SdlThreadState() { SDL_TLSCleanup(); }
  } sdlThreadState;
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, std::chrono::duration<double>(kIdle), [&] { return stopping_; })) {
    lock.unlock();
    bool wanted = !wanted_(now_()).uri.empty();
    lock.lock();
    if (wanted) break;
  }
  if (stopping_) return;
  lock.unlock();
  std::unique_ptr<SoundOutput> output;
  try {
    output = std::make_unique<SoundOutput>(
        [this](float* samples, std::size_t frames) { fill(samples, frames); });
  } catch (const std::exception& error) {
    log_(error.what());  // once: the show goes on without sound
    return;
  }
  output_ = output.get();
  {
    std::lock_guard figures(mutex_);
    figures_ = SoundFigures{};
  }
  output->start();
  lock.lock();
  wake_.wait(lock, [&] { return stopping_; });
  lock.unlock();
  output.reset();  // the sound thread has stopped calling fill()
}

MovieSoundtrack* SoundPlayer::soundtrackOf(const std::string& uri) {
  if (uri == soundtrackUri_) return soundtrack_.get();
  soundtrack_.reset();
  soundtrackUri_ = uri;
  try {
    soundtrack_ = MovieSoundtrack::open(uri, output_->rate(), output_->channels());
  } catch (const std::exception& error) {
    if (uri != failedUri_) log_(std::string("no sound from ") + error.what());
    failedUri_ = uri;
  }
  return soundtrack_.get();
}

void SoundPlayer::readPass(float* samples, std::size_t frames, double passSeconds) {
  int channels = output_->channels();
  std::size_t done = 0;
  while (done < frames) {
    // The pass ends within this buffer: read up to its end, then from the start.
    double toEnd = (passSeconds - soundtrack_->position()) * output_->rate();
    std::size_t part = frames - done;
    bool wraps = toEnd < static_cast<double>(part);
    if (wraps) part = static_cast<std::size_t>(std::max(0.0, std::floor(toEnd)));
    std::size_t got = soundtrack_->read(samples + done * channels, part);
    std::fill(samples + (done + got) * channels, samples + (done + part) * channels, 0.0f);
    done += part;
    if (!wraps) break;
    soundtrack_->seekTo(0);
  }
}

void SoundPlayer::fill(float* samples, std::size_t frames) {
  std::fill(samples, samples + frames * output_->channels(), 0.0f);
  double now = now_();
  pacer_.devicePlayed(now, played_, false);
  played_ += static_cast<double>(frames) / output_->rate();
  SoundWanted wanted = wanted_(now + output_->latencySeconds() * pacer_.deviceRate());
  try {
    fillFromSoundtrack(samples, frames, wanted, now);
  } catch (const std::exception& error) {
    // A soundtrack that stops decoding stays silent; its pictures go on.
    if (soundtrackUri_ != failedUri_) log_(std::string("no sound from ") + error.what());
    failedUri_ = soundtrackUri_;
    soundtrack_.reset();
    std::fill(samples, samples + frames * output_->channels(), 0.0f);
  }
  lastFill_ = now;
}

void SoundPlayer::fillFromSoundtrack(float* samples, std::size_t frames, const SoundWanted& wanted,
                                     double now) {
  MovieSoundtrack* track = wanted.uri.empty() ? nullptr : soundtrackOf(wanted.uri);
  // Past the end of a soundtrack shorter than its pictures: silence until the next pass.
  bool heard = track && !(track->atEnd() && wanted.seconds >= track->position());
  SoundFigures figures = this->figures().value_or(SoundFigures{});
  figures.playing = heard;
  if (heard) {
    double error = std::remainder(track->position() - wanted.seconds, wanted.passSeconds);
    SoundPacer::Step step = pacer_.next(error, lastFill_ > 0 ? now - lastFill_ : 0);
    if (step.jump) {
      track->seekTo(wanted.seconds);
      fadeIn_ = true;
      ++figures.jumps;
    }
    track->setSpeed(step.speed);
    readPass(samples, frames, wanted.passSeconds);
    if (fadeIn_) {
      auto ramp = std::min(frames, static_cast<std::size_t>(kFade * output_->rate()));
      for (std::size_t i = 0; i < ramp; ++i)
        for (int c = 0; c < output_->channels(); ++c)
          samples[i * output_->channels() + c] *= static_cast<float>(i) / ramp;
      fadeIn_ = false;
    }
  } else {
    fadeIn_ = true;
  }
  figures.error = pacer_.smoothedError();
  figures.deviceRate = pacer_.deviceRate();
  std::lock_guard lock(mutex_);
  figures_ = figures;
}

}  // namespace hw
